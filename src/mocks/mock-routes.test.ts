// The mock's API for test suites, through msw/node (the same handlers the browser worker and the HTTP server run).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ServingEndpointDetailed } from '../api/types'
import { ControlPlane, memoryStorage } from './control-plane'
import { IN_FLIGHT_STEP_MS } from './control-plane/scenarios'
import { createHandlers } from './handlers'
import { Journal, LIMITS, SCENARIO_HEADER, SESSION_HEADER, Sessions, sessionsOf } from './mock-routes'
import { controlPlane } from './node'

const BASE = '/api/2.0/serving-endpoints'

interface Answer {
  status: number
  json: Record<string, unknown>
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

const requests = async (query = '', headers: Record<string, string> = {}) =>
  (await call('GET', `/__mock/requests${query}`, undefined, headers)).json.requests as Record<string, unknown>[]

const names = async (headers: Record<string, string> = {}) =>
  ((await call('GET', BASE, undefined, headers)).json.endpoints as { name: string }[]).map((e) => e.name)

const chat = (name: string, key = 'sk-secret-never-shown') => ({
  name,
  config: {
    served_entities: [
      {
        name: 'gpt',
        external_model: {
          name: 'gpt-4o',
          provider: 'openai',
          task: 'llm/v1/chat',
          openai_config: { openai_api_key_plaintext: key },
        },
      },
    ],
  },
})

afterEach(() => vi.useRealTimers())

describe('GET /__mock/requests: the request journal', () => {
  it('lists each API request newest last: method, path, query, status, body and mock time', async () => {
    await call('GET', `${BASE}?page_token=abc`)
    await call('POST', BASE, { name: 'bad name!' })
    const journal = await requests()
    expect(journal.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', BASE, 200],
      ['POST', BASE, 400],
    ])
    expect(journal[0].query).toEqual({ page_token: 'abc' })
    expect(journal[1].body).toEqual({ name: 'bad name!' })
    expect(Math.abs((journal[1].time as number) - controlPlane.clock.now())).toBeLessThan(1000)
  })

  it('redacts plain-text secrets in the bodies it keeps', async () => {
    await call('POST', BASE, chat('journal-secret'))
    const [entry] = await requests()
    expect(JSON.stringify(entry)).not.toContain('sk-secret-never-shown')
    expect(entry.body).toMatchObject({
      config: { served_entities: [{ external_model: { openai_config: { openai_api_key_plaintext: '[REDACTED]' } } }] },
    })
  })

  it('does not journal the mock routes themselves', async () => {
    await call('PUT', '/__mock/controls', { latencyMs: 0 })
    await call('POST', '/__mock/clock', { advanceMs: 5 })
    expect(await requests()).toEqual([])
  })

  it('filters by method (any case) and by path prefix', async () => {
    await call('GET', BASE)
    await call('GET', `${BASE}/churn-predictor`)
    await call('DELETE', `${BASE}/churn-predictor`)
    expect((await requests('?method=delete')).map((r) => r.path)).toEqual([`${BASE}/churn-predictor`])
    expect((await requests(`?path=${BASE}/churn`)).map((r) => r.method)).toEqual(['GET', 'DELETE'])
    expect((await requests(`?method=GET&path=${BASE}/churn`)).length).toBe(1)
  })

  it('refuses an unknown filter with 400 naming it', async () => {
    const answer = await call('GET', '/__mock/requests?status=200')
    expect(answer.status).toBe(400)
    expect(answer.json.message).toContain("'status'")
  })

  it('records a fault the controls injected, and a dropped connection as status 0', async () => {
    await call('PUT', '/__mock/controls', { faults: [{ method: 'GET', path: BASE, status: 503, times: 1 }] })
    await call('GET', BASE)
    await call('PUT', '/__mock/controls', { faults: [{ method: 'GET', path: BASE, network: true, times: 1 }] })
    await expect(call('GET', BASE)).rejects.toThrow(TypeError)
    expect((await requests()).map((r) => r.status)).toEqual([503, 0])
  })

  it('DELETE empties it', async () => {
    await call('GET', BASE)
    expect((await call('DELETE', '/__mock/requests')).status).toBe(200)
    expect(await requests()).toEqual([])
  })

  it('keeps at most LIMITS.journalEntries requests, dropping the oldest', () => {
    const journal = new Journal()
    for (let i = 0; i < LIMITS.journalEntries + 5; i++) {
      journal.add({ time: i, method: 'GET', path: `/p/${i}`, query: {}, status: 200 }, 0)
    }
    const kept = journal.list()
    expect(kept.length).toBe(LIMITS.journalEntries)
    expect(kept[0].path).toBe('/p/5')
    expect(kept.at(-1)?.id).toBe(LIMITS.journalEntries + 5)
  })

  it('keeps at most LIMITS.journalBodyBytes of bodies, dropping the oldest requests', () => {
    const journal = new Journal()
    const each = 60 * 1024
    const fit = Math.floor(LIMITS.journalBodyBytes / each)
    for (let i = 0; i < fit + 3; i++) journal.add({ time: i, method: 'POST', path: `/p/${i}`, query: {}, status: 200 }, each)
    expect(journal.size).toBe(fit)
    expect(journal.list()[0].path).toBe('/p/3')
  })

  it('keeps a body over 64 KiB as its length only', async () => {
    await call('POST', '/serving-endpoints/databricks-gte-large-en/invocations', { input: 'x'.repeat(70 * 1024) })
    const [entry] = await requests()
    expect(entry.body).toEqual({ truncated: true, length: expect.any(Number) as number })
  })
})

describe('/__mock/state: the whole state as JSON', () => {
  it('exports the endpoints and the clock offset, without plain-text secrets', async () => {
    await call('POST', BASE, chat('export-me'))
    await call('POST', '/__mock/clock', { advanceMs: 1234 })
    const { json } = await call('GET', '/__mock/state')
    expect(json.clock_offset_ms).toBe(1234)
    const state = json.state as { version: number; endpoints: { name: string; secrets: unknown }[] }
    expect(state.version).toBe(1)
    expect(state.endpoints.find((e) => e.name === 'export-me')?.secrets).toEqual({})
    expect(JSON.stringify(json)).not.toMatch(/sk-secret-never-shown|_plaintext/)
  })

  it('imports what it exported: endpoints, deletions and clock offset come back', async () => {
    const exported = (await call('GET', '/__mock/state')).json
    await call('DELETE', `${BASE}/churn-predictor`)
    await call('POST', '/__mock/clock', { advanceMs: 60_000 })
    const answer = await call('PUT', '/__mock/state', exported)
    expect(answer.status).toBe(200)
    expect(await names()).toContain('churn-predictor')
    expect(controlPlane.clock.offsetMs).toBe(0)
  })

  it('refuses a state that fails the damaged-state check with 400 naming the first bad field, and changes nothing', async () => {
    const { json } = await call('GET', '/__mock/state')
    const state = json.state as { endpoints: Record<string, unknown>[] }
    state.endpoints[2].creation_timestamp = 'yesterday'
    state.endpoints[3].tags = 'none'
    await call('DELETE', `${BASE}/churn-predictor`)
    const before = await names()
    const answer = await call('PUT', '/__mock/state', { state, clock_offset_ms: 5 })
    expect(answer.status).toBe(400)
    expect(answer.json.error_code).toBe('INVALID_PARAMETER_VALUE')
    expect(answer.json.message).toMatch(/endpoints\[2\] \("[^"]+"\)\.creation_timestamp is a string/)
    expect(await names()).toEqual(before)
    expect(controlPlane.clock.offsetMs).toBe(0)
  })

  it.each([
    ['not an object', [1], 'body'],
    ['an unknown field', { state: {}, extra: 1 }, "'extra'"],
    ['a bad offset', { state: {}, clock_offset_ms: 'soon' }, "'clock_offset_ms'"],
    ['no state', {}, "'state'"],
  ])('refuses %s with 400 naming the field', async (_, body, named) => {
    const answer = await call('PUT', '/__mock/state', body)
    expect(answer.status).toBe(400)
    expect(answer.json.message).toContain(named)
  })

  it('POST /__mock/reset goes back to the seed and the unshifted clock', async () => {
    await call('POST', '/__mock/scenario/empty')
    await call('POST', '/__mock/clock', { advanceMs: 10 })
    await call('POST', '/__mock/reset')
    expect(await names()).toContain('recsys-ranker')
    expect(controlPlane.clock.offsetMs).toBe(0)
  })
})

describe('named scenarios', () => {
  it('lists them', async () => {
    expect((await call('GET', '/__mock/scenarios')).json.scenarios).toEqual(['empty', 'seed', 'busy', 'large', 'failing'])
  })

  it('empty: only the pay-per-token endpoints every workspace has', async () => {
    expect((await call('POST', '/__mock/scenario/empty')).status).toBe(200)
    expect((await names()).every((n) => n.startsWith('databricks-'))).toBe(true)
  })

  it('seed: the demo workspace', async () => {
    await call('POST', '/__mock/scenario/empty')
    await call('POST', '/__mock/scenario/seed')
    expect(await names()).toContain('recsys-ranker')
  })

  it('busy: creations and updates in flight that the clock settles', async () => {
    await call('POST', '/__mock/scenario/busy')
    const list = (await call('GET', BASE)).json.endpoints as { name: string; state: { ready: string; config_update: string } }[]
    const busy = list.filter((e) => e.name.startsWith('busy-'))
    expect(busy.filter((e) => e.state.ready === 'NOT_READY' && e.state.config_update === 'IN_PROGRESS').length).toBe(4)
    expect(busy.filter((e) => e.state.ready === 'READY' && e.state.config_update === 'IN_PROGRESS').length).toBe(4)
    await call('POST', '/__mock/clock', { advanceMs: 4 * IN_FLIGHT_STEP_MS })
    const after = (await call('GET', BASE)).json.endpoints as { name: string; state: { config_update: string } }[]
    expect(after.filter((e) => e.name.startsWith('busy-') && e.state.config_update === 'IN_PROGRESS')).toEqual([])
  })

  it('large: 2,000 endpoints beside the seed', async () => {
    const answer = await call('POST', '/__mock/scenario/large')
    expect(answer.json.endpoints).toBeGreaterThan(2000)
    expect((await names()).filter((n) => n.startsWith('synthetic-endpoint-')).length).toBe(2000)
  })

  it('failing: failed updates and a failed creation, one more failing in flight', async () => {
    await call('POST', '/__mock/scenario/failing')
    const get = async (name: string) => (await call('GET', `${BASE}/${name}`)).json as unknown as ServingEndpointDetailed
    expect((await get('failing-update-01')).state).toEqual({ ready: 'READY', config_update: 'UPDATE_FAILED' })
    expect((await get('failing-creation-01')).state).toEqual({ ready: 'NOT_READY', config_update: 'UPDATE_FAILED' })
    await call('POST', '/__mock/clock', { advanceMs: IN_FLIGHT_STEP_MS })
    expect((await get('failing-in-flight-01')).state.config_update).toBe('UPDATE_FAILED')
  })

  it('an unknown scenario is a 404 naming the known ones, and changes nothing', async () => {
    const answer = await call('POST', '/__mock/scenario/crowded')
    expect(answer.status).toBe(404)
    expect(answer.json.message).toBe("There is no scenario named 'crowded'. Known scenarios: empty, seed, busy, large, failing.")
    expect(await names()).toContain('recsys-ranker')
  })
})

describe('POST /__mock/clock', () => {
  it('advanceMs moves the mock clock, and a rollout due by then is applied', async () => {
    await call('PUT', '/__mock/controls', { deployMs: 60_000, latencyMs: 0 })
    await call('POST', BASE, chat('clock-moved'))
    const before = controlPlane.clock.now()
    const answer = await call('POST', '/__mock/clock', { advanceMs: 60_000 })
    expect(answer.json.offset_ms).toBe(60_000)
    expect(answer.json.now as number).toBeGreaterThanOrEqual(before + 60_000)
    expect(((await call('GET', `${BASE}/clock-moved`)).json.state as { ready: string }).ready).toBe('READY')
  })

  it('set puts the mock clock at a time', async () => {
    const at = Date.UTC(2030, 0, 1)
    const answer = await call('POST', '/__mock/clock', { set: at })
    expect(Math.abs((answer.json.now as number) - at)).toBeLessThan(1000)
    expect(Math.abs(controlPlane.clock.now() - at)).toBeLessThan(1000)
  })

  it.each([
    [{}, 'body'],
    [{ advanceMs: 1, set: 2 }, 'body'],
    [{ advanceMs: -1 }, 'advanceMs'],
    [{ advanceMs: 1.5 }, 'advanceMs'],
    [{ advanceMs: '10' }, 'advanceMs'],
    [{ set: 'tomorrow' }, 'set'],
    [{ advance: 10 }, 'advance'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const answer = await call('POST', '/__mock/clock', body)
    expect(answer.status).toBe(400)
    expect(answer.json.details).toEqual([expect.objectContaining({ metadata: { field } })])
    expect(controlPlane.clock.offsetMs).toBe(0)
  })
})

describe('X-Mock-Session: one state, journal, controls and clock per id', () => {
  const a = { [SESSION_HEADER]: 'worker-1.test_a' }
  const b = { [SESSION_HEADER]: 'worker-2.test_b' }

  it('keeps what one session does out of the others and out of the default session', async () => {
    await call('DELETE', `${BASE}/churn-predictor`, undefined, a)
    await call('POST', '/__mock/clock', { advanceMs: 999 }, a)
    await call('PUT', '/__mock/controls', { latencyMs: 0, deployMs: 1 }, a)
    expect(await names(a)).not.toContain('churn-predictor')
    expect(await names(b)).toContain('churn-predictor')
    expect(await names()).toContain('churn-predictor')
    expect((await call('GET', '/__mock/clock', undefined, a)).json.offset_ms).toBe(999)
    expect((await call('GET', '/__mock/clock', undefined, b)).json.offset_ms).toBe(0)
    expect((await call('GET', '/__mock/controls', undefined, a)).json.deployMs).toBe(1)
    expect((await call('GET', '/__mock/controls', undefined, b)).json.deployMs).not.toBe(1)
    expect((await requests('', a)).map((r) => r.method)).toEqual(['DELETE', 'GET'])
    expect((await requests('', b)).map((r) => r.method)).toEqual(['GET'])
    expect((await requests()).map((r) => r.method)).toEqual(['GET'])
  })

  it('starts a session from the scenario X-Mock-Scenario names', async () => {
    expect((await names({ ...a, [SCENARIO_HEADER]: 'empty' })).every((n) => n.startsWith('databricks-'))).toBe(true)
    // Only on first use: the session keeps its state.
    expect((await names({ ...a, [SCENARIO_HEADER]: 'busy' })).some((n) => n.startsWith('busy-'))).toBe(false)
  })

  it('an unknown X-Mock-Scenario is a 404 naming the known ones, and no session is made', async () => {
    const answer = await call('GET', BASE, undefined, { ...a, [SCENARIO_HEADER]: 'nope' })
    expect(answer.status).toBe(404)
    expect(answer.json.message).toContain('Known scenarios: empty, seed, busy, large, failing.')
    expect(sessionsOf(controlPlane)?.has(a[SESSION_HEADER])).toBe(false)
  })

  it.each([
    ['129 characters', 'x'.repeat(129)],
    ['a space', 'my session'],
    ['a slash', 'a/b'],
    ['a non-ASCII letter', 'sessión'],
  ])('refuses an id with %s with 400', async (_, id) => {
    const answer = await call('GET', BASE, undefined, { [SESSION_HEADER]: id })
    expect(answer.status).toBe(400)
    expect(answer.json.message).toContain('X-Mock-Session header must be 1 to 128 characters')
  })

  it('takes an id of exactly 128 characters', async () => {
    expect((await call('GET', BASE, undefined, { [SESSION_HEADER]: 'x'.repeat(128) })).status).toBe(200)
  })

  it('DELETE /__mock/session drops the session: its next use starts from the seed', async () => {
    await call('DELETE', `${BASE}/churn-predictor`, undefined, a)
    expect((await call('DELETE', '/__mock/session', undefined, a)).status).toBe(200)
    expect(await names(a)).toContain('churn-predictor')
    expect((await call('DELETE', '/__mock/session')).status).toBe(400)
  })

  it(`drops a session idle for more than ${LIMITS.sessionIdleMs / 60_000} minutes`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    await call('DELETE', `${BASE}/churn-predictor`, undefined, a)
    vi.setSystemTime(Date.now() + LIMITS.sessionIdleMs + 1)
    await call('GET', BASE, undefined, b)
    expect(sessionsOf(controlPlane)?.has(a[SESSION_HEADER])).toBe(false)
    expect(await names(a)).toContain('churn-predictor')
  })

  it(`keeps at most ${LIMITS.sessions} sessions (here 4), dropping the least recently used`, async () => {
    const root = new ControlPlane({ storage: memoryStorage(), defaults: { latencyMs: 0 } })
    const sessions = new Sessions(root, (cp) => createHandlers(cp), { max: 4 })
    for (let i = 0; i < 4; i++) sessions.get(`s${i}`, null)
    sessions.get('s0', null) // used again: s1 is now the least recently used
    sessions.get('one-more', null)
    expect(sessions.size).toBe(4)
    expect(sessions.has('s0')).toBe(true)
    expect(sessions.has('s1')).toBe(false)
  })
})
