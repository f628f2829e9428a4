// Render-as-you-fetch: a route names the code and the data its page asks for first, and the app starts
// both as soon as it can (the code while the mock starts, the data once it answers), alongside React's
// first render instead of after it.
import type { QueryClient } from '@tanstack/react-query'
import type { Params } from 'react-router'
import { matchesAt } from './router'

export interface RouteHandle {
  /** Starts loading the page's code (its chunk). */
  preload?: () => unknown
  /** Starts the page's first queries (the same queryOptions the page uses, so the page joins them). */
  prefetch?: (queryClient: QueryClient, params: Params) => void
}

interface MatchLike {
  route: { handle?: unknown }
  params: Params
}

const handleOf = (match: MatchLike) => match.route.handle as RouteHandle | undefined

export function preloadMatches(matches: readonly MatchLike[]): Promise<unknown> {
  return Promise.all(matches.map((match) => handleOf(match)?.preload?.()))
}

export function prefetchMatches(queryClient: QueryClient, matches: readonly MatchLike[]): void {
  for (const match of matches) handleOf(match)?.prefetch?.(queryClient, match.params)
}

/** Starts loading the code of the page at `path` (hover or focus on a link to it); a failure shows on the click. */
export function preloadPage(path: string): void {
  preloadMatches(matchesAt(path)).catch(() => undefined)
}
