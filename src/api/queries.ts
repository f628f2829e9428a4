// Query keys and queryOptions: reused by pages, loaders and tests.
import { queryOptions } from '@tanstack/react-query'
import { isSettled } from '../lib/endpoint-status'
import { isApiError } from './client'
import { servingApi } from './endpoints'

export const LIST_POLL_MS = 3000
export const DETAIL_POLL_MS = 2000
const MAX_BACKOFF_MS = 30_000

export const endpointKeys = {
  all: ['serving-endpoints'] as const,
  list: () => [...endpointKeys.all, 'list'] as const,
  details: () => [...endpointKeys.all, 'detail'] as const,
  detail: (name: string) => [...endpointKeys.details(), name] as const,
  events: (name: string) => [...endpointKeys.detail(name), 'events'] as const,
  logs: (name: string, served: string, kind: 'build' | 'server') => [...endpointKeys.detail(name), 'logs', served, kind] as const,
}

export const catalogKeys = {
  me: ['me'] as const,
  models: ['uc-models'] as const,
  versions: (fullName: string) => ['uc-models', fullName, 'versions'] as const,
}

/** Poll interval that backs off while refreshes fail, so a dead backend is not hammered. */
export function backoff(baseMs: number, failures: number): number {
  return Math.min(baseMs * 2 ** failures, MAX_BACKOFF_MS)
}

export const listEndpointsQuery = () =>
  queryOptions({
    queryKey: endpointKeys.list(),
    queryFn: ({ signal }) => servingApi.list(signal),
    refetchInterval: (query) => {
      const endpoints = query.state.data?.endpoints
      if (!endpoints || endpoints.every(isSettled)) return false
      return backoff(LIST_POLL_MS, query.state.fetchFailureCount)
    },
  })

export const endpointQuery = (name: string) =>
  queryOptions({
    queryKey: endpointKeys.detail(name),
    queryFn: ({ signal }) => servingApi.get(name, signal),
    refetchInterval: (query) => {
      const data = query.state.data
      if (!data || isSettled(data)) return false
      // Gone (deleted while watched): nothing more will come.
      if (isApiError(query.state.error) && query.state.error.status === 404) return false
      return backoff(DETAIL_POLL_MS, query.state.fetchFailureCount)
    },
  })

export const eventsQuery = (name: string) =>
  queryOptions({
    queryKey: endpointKeys.events(name),
    queryFn: ({ signal }) => servingApi.events(name, signal),
  })

export const logsQuery = (name: string, served: string, kind: 'build' | 'server') =>
  queryOptions({
    queryKey: endpointKeys.logs(name, served, kind),
    queryFn: ({ signal }) =>
      kind === 'build' ? servingApi.buildLogs(name, served, signal) : servingApi.logs(name, served, signal),
  })

export const currentUserQuery = () =>
  queryOptions({ queryKey: catalogKeys.me, queryFn: ({ signal }) => servingApi.me(signal), staleTime: Infinity })

export const ucModelsQuery = () =>
  queryOptions({
    queryKey: catalogKeys.models,
    queryFn: ({ signal }) => servingApi.ucModels(signal),
    staleTime: 60_000,
  })

export const ucModelVersionsQuery = (fullName: string) =>
  queryOptions({
    queryKey: catalogKeys.versions(fullName),
    queryFn: ({ signal }) => servingApi.ucModelVersions(fullName, signal),
    staleTime: 60_000,
    enabled: fullName !== '',
  })
