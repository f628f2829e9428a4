import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '../api/client'

/** Retries only what may pass on a second try: dropped connections, 429 and 5xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false
  if (!isApiError(error)) return false
  return error.isNetworkError || error.status === 429 || error.status >= 500
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 1000, refetchIntervalInBackground: false },
      mutations: { retry: false },
    },
  })
}
