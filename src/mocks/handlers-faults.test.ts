import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/client'
import { servingApi } from '../api/endpoints'
import type { DatabricksErrorBody } from '../api/types'
import { clock, controlPlane, server } from './node'

const BASE = '/api/2.0/serving-endpoints'

describe('injected faults', () => {
  it.each([
    [500, 'INTERNAL_ERROR'],
    [503, 'TEMPORARILY_UNAVAILABLE'],
    [429, 'REQUEST_LIMIT_EXCEEDED'],
  ])('answers %i with a Databricks error body (%s), then lets the next request through', async (status, code) => {
    server.setControls({ faults: [{ method: 'GET', path: BASE, status }] })
    const response = await fetch(BASE)
    expect(response.status).toBe(status)
    const body = (await response.json()) as DatabricksErrorBody
    expect(body.error_code).toBe(code)
    expect(body.message).not.toContain('Unexpected error')
    expect(body.message).not.toBe('')
    expect((await fetch(BASE)).status).toBe(200)
  })

  it('fails the request before it reaches the control plane: a faulted create creates nothing', async () => {
    server.setControls({ faults: [{ method: 'POST', path: BASE, status: 503 }] })
    const error = await servingApi.create({ name: 'never', config: { served_entities: [] } }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503, errorCode: 'TEMPORARILY_UNAVAILABLE' })
    expect(controlPlane.list().endpoints.some((e) => e.name === 'never')).toBe(false)
  })

  it('answers `times` matching requests, then none', async () => {
    server.setControls({ faults: [{ method: 'GET', path: `${BASE}/*`, status: 500, times: 2 }] })
    const statuses = []
    for (const name of ['churn-predictor', 'recsys-ranker', 'churn-predictor']) {
      statuses.push((await fetch(`${BASE}/${name}`)).status)
    }
    expect(statuses).toEqual([500, 500, 200])
  })

  it('matches only its method and path', async () => {
    server.setControls({ faults: [{ method: 'DELETE', path: `${BASE}/churn-predictor`, status: 500, times: 5 }] })
    expect((await fetch(`${BASE}/churn-predictor`)).status).toBe(200)
    expect((await fetch(`${BASE}/shared-embeddings`, { method: 'DELETE' })).status).toBe(403)
    expect((await fetch(`${BASE}/churn-predictor`, { method: 'DELETE' })).status).toBe(500)
  })

  it('drops the connection for `network: true`: fetch rejects and request() gives ApiError status 0', async () => {
    server.setControls({ faults: [{ path: `${BASE}*`, network: true, times: 2 }] })
    await expect(fetch(BASE)).rejects.toThrow(TypeError)
    const error = await servingApi.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 0, errorCode: 'NETWORK_ERROR', isNetworkError: true })
    expect((await servingApi.list()).endpoints.length).toBeGreaterThan(0)
  })
})

describe('latency and time', () => {
  it('delays every answer by latencyMs', async () => {
    server.setControls({ latencyMs: 120 })
    const started = performance.now()
    await fetch(`${BASE}/churn-predictor`)
    expect(performance.now() - started).toBeGreaterThanOrEqual(110)
  })

  it('moves rollouts with the mock clock: update, then READY on the new version after updateMs', async () => {
    server.setControls({ updateMs: 3000 })
    const updating = await servingApi.updateConfig('sentiment-classifier', {
      served_entities: [
        { entity_name: 'main.nlp.sentiment', entity_version: '3', workload_size: 'Small', scale_to_zero_enabled: true },
      ],
    })
    expect(updating.state.config_update).toBe('IN_PROGRESS')
    // The msw/node clock is real time plus an offset: leave real time a margin.
    clock.advance(1500)
    expect((await servingApi.get('sentiment-classifier')).state.config_update).toBe('IN_PROGRESS')
    clock.advance(1500)
    const done = await servingApi.get('sentiment-classifier')
    expect(done.state.config_update).toBe('NOT_UPDATING')
    expect(done.config?.config_version).toBe(3)
  })

  it('cancels over HTTP and keeps the active config', async () => {
    const canceled = await servingApi.cancelUpdate('recsys-ranker')
    expect(canceled.state).toEqual({ ready: 'READY', config_update: 'UPDATE_CANCELED' })
    expect(canceled.config?.config_version).toBe(6)
    expect(canceled.pending_config).toBeUndefined()
  })
})

describe('out-of-range controls in storage', () => {
  it('ignores a latency over 60 s instead of hanging every request', async () => {
    server.setControls({ latencyMs: 1e9 })
    const started = performance.now()
    expect((await fetch(BASE)).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('ignores a fault whose status is not an HTTP error (400–599)', async () => {
    server.setControls({
      faults: [
        { method: 'GET', path: BASE, status: 99 },
        { method: 'GET', path: BASE, status: 302 },
      ],
    })
    expect((await fetch(BASE)).status).toBe(200)
    expect((await fetch(BASE)).status).toBe(200)
  })
})
