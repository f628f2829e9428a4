// The metrics-history route's client and query (the Metrics tab).
import { queryOptions } from '@tanstack/react-query'
import { endpointPath, request } from './client'
import type { MetricsHistory } from '../lib/metrics-history'
import { endpointKeys } from './queries'

/** The Metrics tab refreshes this often while it is open and the page is in the foreground. */
export const METRICS_REFRESH_MS = 60_000

export interface HistoryRange {
  start: number
  end: number
  servedEntity?: string
}

export function fetchMetricsHistory(name: string, { start, end, servedEntity }: HistoryRange, signal?: AbortSignal) {
  const query = new URLSearchParams({ start_timestamp: String(start), end_timestamp: String(end) })
  if (servedEntity) query.set('served_entity_name', servedEntity)
  return request<MetricsHistory>(`${endpointPath(name, '/metrics-history')}?${query}`, { signal })
}

/** The last `rangeMs` up to the time of each fetch, so every refresh moves the window. */
export const metricsHistoryQuery = (name: string, rangeMs: number, servedEntity?: string) =>
  queryOptions({
    queryKey: [...endpointKeys.detail(name), 'metrics-history', rangeMs, servedEntity ?? ''] as const,
    queryFn: ({ signal }) => {
      const end = Date.now()
      return fetchMetricsHistory(name, { start: end - rangeMs, end, servedEntity }, signal)
    },
    refetchInterval: METRICS_REFRESH_MS,
    refetchIntervalInBackground: false,
  })
