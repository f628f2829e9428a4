import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format'
import { describe, expect, it } from 'vitest'
import { exposition } from './exposition'
import { InvocationLog, LATENCY_BUCKETS_MS } from './invocation-log'
import { MAX_POINTS, metricsHistory } from './metrics'
import { HOUR, createReady, custom, errorOf, setup } from './test-support'

const DAY = 24 * HOUR
const params = (query: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))

function lastDays(plane: ReturnType<typeof setup>, name: string, days: number, extra: Record<string, string> = {}) {
  const now = plane.clock.now()
  return metricsHistory(plane.cp.metricsSource(name), params({ start_timestamp: now - days * DAY, end_timestamp: now, ...extra }))
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

function families(plane: ReturnType<typeof setup>, name: string): Map<string, MetricFamily> {
  const parsed = parsePrometheusTextFormat(exposition(plane.cp.metricsSource(name)))
  return new Map(parsed.map((f) => [f.name, f]))
}

function sampleOf(family: MetricFamily | undefined, entity: string): number {
  const sample = family?.metrics.find((m) => m.labels?.served_entity_name === entity)
  if (!sample || !('value' in sample)) throw new Error(`no sample for ${entity} in ${family?.name}`)
  return Number(sample.value)
}

const CHAT = { messages: [{ role: 'user', content: 'How are my metrics?' }] }

describe('background traffic', () => {
  it('gives a seeded endpoint the same 7-day history in two runs, with a daily cycle, errors and no empty week', () => {
    const a = lastDays(setup(), 'churn-predictor', 7)
    const b = lastDays(setup(), 'churn-predictor', 7)
    expect(a).toEqual(b)
    expect(a.timestamps.length).toBeGreaterThan(300)
    expect(sum(a.request_count)).toBeGreaterThan(10_000)
    expect(sum(a.request_4xx_count)).toBeGreaterThan(0)
    expect(sum(a.request_5xx_count)).toBeGreaterThan(0)
    expect(Math.max(...a.request_count)).toBeGreaterThan(2 * Math.min(...a.request_count))
    expect(a.served_entities.map((e) => e.name)).toEqual(['churn_model-3', 'churn_model-4'])
  })

  it('raises latency with load', () => {
    const h = lastDays(setup(), 'support-chat-gpt4o', 7)
    const points = h.request_count.map((count, i) => ({ count, p50: h.latency_p50_ms[i] ?? 0 }))
    const sorted = [...points].sort((x, y) => x.count - y.count)
    const quiet = sorted.slice(0, 50)
    const busy = sorted.slice(-50)
    expect(sum(busy.map((p) => p.p50)) / 50).toBeGreaterThan(sum(quiet.map((p) => p.p50)) / 50)
  })

  it('continues as the mock clock moves', () => {
    const plane = setup()
    const before = lastDays(plane, 'churn-predictor', 1 / 24)
    plane.clock.advance(HOUR)
    const after = lastDays(plane, 'churn-predictor', 1 / 24)
    expect(after.timestamps[0]).toBe(before.timestamps[0] + HOUR)
    expect(sum(after.request_count)).toBeGreaterThan(0)
  })

  it('is off with the traffic control, and a new endpoint starts with none until the control sets a rate', () => {
    const plane = setup({ traffic: { 'churn-predictor': 'off' } })
    expect(sum(lastDays(plane, 'churn-predictor', 7).request_count)).toBe(0)
    createReady(plane, 'fresh', [custom('3')])
    plane.clock.advance(HOUR)
    expect(sum(lastDays(plane, 'fresh', 1 / 24).request_count)).toBe(0)
    plane.cp.controls.write({ traffic: { fresh: 120 } })
    expect(sum(lastDays(plane, 'fresh', 1 / 24).request_count)).toBeGreaterThan(1000)
  })

  it('shows zero usage for an idle scaled-to-zero entity, and no traffic for an endpoint that is not ready', () => {
    const plane = setup()
    createReady(plane, 'idle', [custom('3', { scale_to_zero_enabled: true })])
    plane.clock.advance(HOUR)
    const idle = lastDays(plane, 'idle', 1 / 24)
    expect([...idle.cpu_usage_percentage, ...idle.mem_usage_percentage, ...idle.provisioned_concurrency]).toEqual(
      new Array(idle.timestamps.length * 3).fill(0),
    )
    const creating = lastDays(plane, 'fraud-detector-v2', 1)
    expect(sum(creating.request_count)).toBe(0)
  })

  it('reports GPU usage for a GPU entity only', () => {
    const plane = setup()
    expect(lastDays(plane, 'llama-pt-finance', 1).gpu_usage_percentage?.some((v) => v > 0)).toBe(true)
    expect(lastDays(plane, 'churn-predictor', 1).gpu_usage_percentage).toBeUndefined()
  })
})

describe('GET …/metrics-history', () => {
  it('keeps every range to at most 500 points', () => {
    const plane = setup()
    for (const days of [1 / 24, 1 / 4, 1, 7, 31]) {
      const h = lastDays(plane, 'churn-predictor', days)
      expect(h.timestamps.length).toBeLessThanOrEqual(MAX_POINTS)
      expect(h.request_count).toHaveLength(h.timestamps.length)
    }
  })

  it('sums to the same requests whatever the step', () => {
    const plane = setup()
    const now = plane.clock.now()
    const start = Math.floor((now - DAY) / DAY) * DAY
    const fine = metricsHistory(
      plane.cp.metricsSource('churn-predictor'),
      params({ start_timestamp: start, end_timestamp: start + HOUR }),
    )
    const coarse = metricsHistory(
      plane.cp.metricsSource('churn-predictor'),
      params({ start_timestamp: start, end_timestamp: start + DAY }),
    )
    expect(coarse.step_seconds).toBeGreaterThan(fine.step_seconds)
    const hourOfCoarse = coarse.timestamps.flatMap((t, i) => (t >= start && t < start + HOUR ? [coarse.request_count[i]] : []))
    expect(sum(hourOfCoarse)).toBe(sum(fine.request_count))
  })

  it('filters by served entity', () => {
    const plane = setup()
    const all = lastDays(plane, 'churn-predictor', 1)
    const v3 = lastDays(plane, 'churn-predictor', 1, { served_entity_name: 'churn_model-3' })
    const v4 = lastDays(plane, 'churn-predictor', 1, { served_entity_name: 'churn_model-4' })
    expect(v3.served_entity_name).toBe('churn_model-3')
    expect(sum(v3.request_count) + sum(v4.request_count)).toBe(sum(all.request_count))
    expect(sum(v3.request_count)).toBeGreaterThan(sum(v4.request_count))
  })

  it('refuses bad parameters with a 400 naming the parameter, and an unknown endpoint with a 404', () => {
    const plane = setup()
    const source = () => plane.cp.metricsSource('churn-predictor')
    expect(errorOf(() => metricsHistory(source(), params({ start_timestamp: 'yesterday' }))).field).toBe('start_timestamp')
    expect(errorOf(() => metricsHistory(source(), params({ start_timestamp: 10, end_timestamp: 5 }))).field).toBe('end_timestamp')
    expect(errorOf(() => metricsHistory(source(), params({ start_timestamp: 0, end_timestamp: 40 * DAY }))).field).toBe(
      'start_timestamp',
    )
    const unknownEntity = errorOf(() => metricsHistory(source(), params({ served_entity_name: 'nope' })))
    expect([unknownEntity.status, unknownEntity.field]).toEqual([400, 'served_entity_name'])
    const missing = errorOf(() => plane.cp.metricsSource('no-such-endpoint'))
    expect([missing.status, missing.errorCode]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST'])
  })
})

describe('invocations and faults', () => {
  it('counts each query, with its latency, in the history and the exported counters', () => {
    const plane = setup({ traffic: { 'support-chat-gpt4o': 'off' } })
    const before = families(plane, 'support-chat-gpt4o')
    plane.cp.invoke('support-chat-gpt4o', CHAT)
    plane.cp.invoke('support-chat-gpt4o', CHAT)
    errorOf(() => plane.cp.invoke('support-chat-gpt4o', { prompt: 'not a chat body' }))
    const h = lastDays(plane, 'support-chat-gpt4o', 1 / 24)
    expect(sum(h.request_count)).toBe(3)
    expect(sum(h.request_4xx_count)).toBe(1)
    expect(h.latency_p99_ms.some((v) => v !== null && v > 0)).toBe(true)
    const after = families(plane, 'support-chat-gpt4o')
    const entity = 'gpt-4o'
    expect(sampleOf(after.get('request_count_total'), entity) - sampleOf(before.get('request_count_total'), entity)).toBe(3)
    expect(sampleOf(after.get('request_4xx_count_total'), entity) - sampleOf(before.get('request_4xx_count_total'), entity)).toBe(
      1,
    )
  })

  it('spreads queries over the traffic split', () => {
    const plane = setup({ traffic: { 'churn-predictor': 'off' } })
    const served = Array.from({ length: 50 }, () => plane.cp.invoke('churn-predictor', { inputs: [[1, 2]] }).servedEntity)
    const v4 = served.filter((s) => s === 'churn_model-4').length
    expect(v4).toBeGreaterThanOrEqual(8)
    expect(v4).toBeLessThanOrEqual(12)
    expect(sum(lastDays(plane, 'churn-predictor', 1 / 24, { served_entity_name: 'churn_model-4' }).request_count)).toBe(v4)
  })

  it('counts an injected fault on an invocation as a 4xx or 5xx', () => {
    const plane = setup({ traffic: { 'support-chat-gpt4o': 'off' } })
    const fault = { method: 'POST', path: '/serving-endpoints/support-chat-gpt4o/invocations' }
    plane.cp.noteFault('POST', fault.path, { ...fault, status: 503 })
    plane.cp.noteFault('POST', fault.path, { ...fault, status: 429 })
    plane.cp.noteFault('GET', '/api/2.0/serving-endpoints/support-chat-gpt4o', { ...fault, status: 500 })
    const h = lastDays(plane, 'support-chat-gpt4o', 1 / 24)
    expect([sum(h.request_count), sum(h.request_4xx_count), sum(h.request_5xx_count)]).toEqual([2, 1, 1])
  })

  it('does not record queries to an endpoint that is not ready', () => {
    const plane = setup()
    errorOf(() => plane.cp.invoke('fraud-detector-v2', { inputs: [[1]] }))
    expect(sum(lastDays(plane, 'fraud-detector-v2', 1 / 24).request_count)).toBe(0)
  })

  it('keeps at most a bounded number of invocations', () => {
    const log = new InvocationLog()
    const at = { at: 0, endpoint: 'e', created: 0, entity: 'x', status: 200, latencyMs: 1, tokens: 0 }
    for (let i = 0; i < InvocationLog.CAPACITY + 5; i++) log.record({ ...at, at: i })
    const kept = log.of({ name: 'e', creation_timestamp: 0 } as Parameters<InvocationLog['of']>[0], 0, Infinity)
    expect(kept).toHaveLength(InvocationLog.CAPACITY)
    expect(log.count).toBe(InvocationLog.CAPACITY + 5)
  })
})

describe('GET …/metrics (Prometheus text)', () => {
  it('parses with a Prometheus text parser, with the documented names and a served_entity_name label', () => {
    const plane = setup()
    const parsed = families(plane, 'churn-predictor')
    expect([...parsed.keys()]).toEqual([
      'request_count_total',
      'request_4xx_count_total',
      'request_5xx_count_total',
      'request_latency_ms',
      'cpu_usage_percentage',
      'mem_usage_percentage',
      'provisioned_concurrent_requests_total',
    ])
    expect(parsed.get('request_latency_ms')?.type).toBe('HISTOGRAM')
    expect(parsed.get('request_count_total')?.type).toBe('COUNTER')
    expect(parsed.get('request_count_total')?.metrics.map((m) => m.labels)).toEqual([
      { served_entity_name: 'churn_model-3' },
      { served_entity_name: 'churn_model-4' },
    ])
    expect(families(plane, 'llama-pt-finance').has('gpu_usage_percentage')).toBe(true)
  })

  it('has histogram buckets that rise to _count, and a _sum that fits them', () => {
    const plane = setup()
    plane.cp.invoke('churn-predictor', { inputs: [[1, 2]] })
    const text = exposition(plane.cp.metricsSource('churn-predictor'))
    for (const entity of ['churn_model-3', 'churn_model-4']) {
      // The parser merges the _sum and _count of labelled histograms into one sample: give it one entity's, unlabelled.
      const label = `served_entity_name="${entity}"`
      const lines = text
        .split('\n')
        .filter((line) =>
          line.startsWith('# ')
            ? line.includes('request_latency_ms ')
            : line.startsWith('request_latency_ms') && line.includes(label),
        )
        .map((line) => line.replace(`{${label}}`, '').replace(`${label},`, ''))
      const [family] = parsePrometheusTextFormat(lines.join('\n') + '\n')
      const sample = family.metrics[0]
      if (family.type !== 'HISTOGRAM' || !('buckets' in sample)) throw new Error('not a histogram sample')
      const counts = [...LATENCY_BUCKETS_MS.map(String), '+Inf'].map((le) => Number(sample.buckets[le]))
      counts.slice(1).forEach((c, i) => expect(c).toBeGreaterThanOrEqual(counts[i]))
      const count = Number(sample.count)
      expect(counts.at(-1)).toBe(count)
      expect(count).toBeGreaterThan(0)
      const mean = Number(sample.sum) / count
      const lowest = counts.findIndex((c) => c > 0)
      const highest = counts.findIndex((c) => c === count)
      expect(mean).toBeGreaterThan(lowest > 0 ? LATENCY_BUCKETS_MS[lowest - 1] : 0)
      expect(mean).toBeLessThanOrEqual(LATENCY_BUCKETS_MS[highest])
    }
  })

  it('counts only up while the clock moves', () => {
    const plane = setup()
    const first = sampleOf(families(plane, 'churn-predictor').get('request_count_total'), 'churn_model-3')
    plane.clock.advance(3 * HOUR)
    const later = sampleOf(families(plane, 'churn-predictor').get('request_count_total'), 'churn_model-3')
    expect(later).toBeGreaterThan(first)
  })
})
