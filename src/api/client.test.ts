import { afterEach, describe, expect, it, vi } from 'vitest'
import { holdRequestsUntil, request } from './client'
import type { ListEndpointsResponse } from './types'

const LIST = '/api/2.0/serving-endpoints'

describe('requests while the embedded backend starts', () => {
  afterEach(() => holdRequestsUntil(Promise.resolve()))

  it('go out only once the backend is ready, and then get their answer', async () => {
    let ready = () => {}
    holdRequestsUntil(new Promise<void>((resolve) => (ready = resolve)))
    const fetchSpy = vi.spyOn(window, 'fetch')
    const answer = request<ListEndpointsResponse>(LIST)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fetchSpy).not.toHaveBeenCalled()

    ready()
    const body = await answer
    expect(fetchSpy).toHaveBeenCalledTimes(1)
    expect(body.endpoints?.map((e) => e.name)).toContain('churn-predictor')
  })

  it('still go out when the backend failed to start, rather than wait forever', async () => {
    holdRequestsUntil(Promise.reject(new Error('service workers are off')))
    const body = await request<ListEndpointsResponse>(LIST)
    expect(body.endpoints?.length).toBeGreaterThan(0)
  })
})
