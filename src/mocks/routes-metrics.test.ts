import parsePrometheusTextFormat from 'parse-prometheus-text-format'
import { describe, expect, it } from 'vitest'
import type { MetricsHistory } from '../lib/metrics-history'
import type { DatabricksErrorBody } from '../api/types'
import { server } from './node'

const BASE = '/api/2.0/serving-endpoints'
const CHAT = { messages: [{ role: 'user', content: 'hello' }] }

const history = async (name: string, query = '') => {
  const response = await fetch(`${BASE}/${name}/metrics-history${query}`)
  return { status: response.status, json: (await response.json()) as MetricsHistory & DatabricksErrorBody }
}

describe('metrics routes over HTTP', () => {
  it('exports Prometheus text 0.0.4 that a Prometheus parser reads', async () => {
    const response = await fetch(`${BASE}/churn-predictor/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const families = parsePrometheusTextFormat(await response.text())
    expect(families.find((f) => f.name === 'request_count_total')?.metrics).toHaveLength(2)
  })

  it('answers 404 for an unknown endpoint on both routes, as the other routes do', async () => {
    for (const route of ['metrics', 'metrics-history']) {
      const response = await fetch(`${BASE}/no-such-endpoint/${route}`)
      expect(response.status).toBe(404)
      expect(((await response.json()) as DatabricksErrorBody).error_code).toBe('RESOURCE_DOES_NOT_EXIST')
    }
  })

  it('answers a bad parameter with a 400 naming it', async () => {
    const { status, json } = await history('churn-predictor', '?start_timestamp=-5')
    expect(status).toBe(400)
    expect(json.error_code).toBe('INVALID_PARAMETER_VALUE')
    expect(json.message).toContain('start_timestamp')
  })

  it('counts queries and injected faults on the invocations route', async () => {
    server.setControls({
      latencyMs: 0,
      traffic: { 'support-chat-gpt4o': 'off' },
      faults: [{ method: 'POST', path: '/serving-endpoints/support-chat-gpt4o/invocations', status: 503, times: 1 }],
    })
    const invoke = () =>
      fetch('/serving-endpoints/support-chat-gpt4o/invocations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(CHAT),
      })
    expect((await invoke()).status).toBe(503)
    expect((await invoke()).status).toBe(200)
    const { json } = await history('support-chat-gpt4o')
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect([sum(json.request_count), sum(json.request_5xx_count)]).toEqual([2, 1])
  })
})
