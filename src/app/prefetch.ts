// Render-as-you-fetch: a route names the data its page asks for first, and the app starts those
// requests as soon as the backend answers, alongside React's first render instead of after it.
import type { QueryClient } from '@tanstack/react-query'
import type { Params } from 'react-router'

export interface RouteHandle {
  /** Starts the page's first queries (the same queryOptions the page uses, so the page joins them). */
  prefetch?: (queryClient: QueryClient, params: Params) => void
}

interface MatchLike {
  route: { handle?: unknown }
  params: Params
}

export function prefetchMatches(queryClient: QueryClient, matches: readonly MatchLike[]): void {
  for (const { route, params } of matches) (route.handle as RouteHandle | undefined)?.prefetch?.(queryClient, params)
}
