import { describe, expect, it, vi } from 'vitest'
import { endpointKeys } from '../api/queries'
import { createTestQueryClient } from '../test/render'
import { prefetchMatches, preloadPage, type RouteHandle } from './prefetch'
import { matchesAt, routes } from './router'

function prefetchAt(path: string) {
  const queryClient = createTestQueryClient()
  prefetchMatches(queryClient, matchesAt(path))
  return queryClient
}

describe('prefetchMatches', () => {
  it('starts the list request for the list page, before anything renders', async () => {
    const queryClient = prefetchAt('/ml/endpoints?q=churn')
    expect(queryClient.getQueryState(endpointKeys.list())?.fetchStatus).toBe('fetching')
    await expect
      .poll(() => queryClient.getQueryData<{ endpoints: { name: string }[] }>(endpointKeys.list())?.endpoints.length)
      .toBeGreaterThan(6)
  })

  it('starts the endpoint request for its details and edit pages, and the current user for every page', () => {
    for (const path of ['/ml/endpoints/churn-predictor', '/ml/endpoints/churn-predictor/edit']) {
      const queryClient = prefetchAt(path)
      expect(queryClient.getQueryState(endpointKeys.detail('churn-predictor'))?.fetchStatus).toBe('fetching')
      expect(queryClient.getQueryState(['me'])?.fetchStatus).toBe('fetching')
      expect(queryClient.getQueryState(endpointKeys.list())).toBeUndefined()
    }
  })
})

describe('preloadPage', () => {
  const handleAt = (path: string) => routes[0].children?.find((route) => route.path === path)?.handle as RouteHandle

  it('starts loading the code of the page a link points to, and of no other page', () => {
    const details = vi.spyOn(handleAt('ml/endpoints/:name'), 'preload')
    const create = vi.spyOn(handleAt('ml/endpoints/create'), 'preload')
    preloadPage('/ml/endpoints/churn-predictor')
    expect(details).toHaveBeenCalledTimes(1)
    expect(create).not.toHaveBeenCalled()
    preloadPage('/ml/endpoints/create')
    expect(create).toHaveBeenCalledTimes(1)
  })
})
