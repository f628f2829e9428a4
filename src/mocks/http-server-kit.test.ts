// @vitest-environment node
// The mock API for test suites over a real socket: the HTTP server answers it as msw does, sessions included.
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMockServer } from './http-server'

let running: { server: Server; url: string }

beforeAll(async () => {
  running = await startMockServer({ port: 0, log: () => {}, defaults: { latencyMs: 0, deployMs: 600_000 } })
})
afterAll(() => new Promise<void>((resolve) => running.server.close(() => resolve())))

async function call(method: string, path: string, { body, session }: { body?: unknown; session?: string } = {}) {
  const headers: Record<string, string> = { authorization: 'Bearer dapi-kit' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (session !== undefined) headers['x-mock-session'] = session
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

const BASE = '/api/2.0/serving-endpoints'
const custom = (name: string) => ({
  name,
  config: {
    served_entities: [
      { entity_name: 'main.default.churn_model', entity_version: '3', workload_size: 'Small', scale_to_zero_enabled: true },
    ],
  },
})

describe('the HTTP mock server answers the mock API for test suites', () => {
  it('journals what a client sent, per session, and moves the clock instead of waiting', async () => {
    const session = 'http-kit-1'
    expect((await call('POST', BASE, { body: custom('kit-http'), session })).status).toBe(200)
    const journal = (await call('GET', `/__mock/requests?method=POST`, { session })).json.requests as Record<string, unknown>[]
    expect(journal).toEqual([expect.objectContaining({ method: 'POST', path: BASE, status: 200, body: custom('kit-http') })])

    const state = async () => ((await call('GET', `${BASE}/kit-http`, { session })).json.state as { ready: string }).ready
    expect(await state()).toBe('NOT_READY')
    expect((await call('POST', '/__mock/clock', { body: { advanceMs: 600_000 }, session })).status).toBe(200)
    expect(await state()).toBe('READY')

    // The default session saw none of it.
    expect((await call('GET', `${BASE}/kit-http`)).status).toBe(404)
    expect((await call('GET', '/__mock/clock')).json.offset_ms).toBe(0)
  })

  it('loads a scenario by name, and answers 404 naming the known ones', async () => {
    expect((await call('POST', '/__mock/scenario/large', { session: 'http-kit-2' })).json.endpoints).toBeGreaterThan(2000)
    const unknown = await call('POST', '/__mock/scenario/huge', { session: 'http-kit-2' })
    expect(unknown.status).toBe(404)
    expect(unknown.json.message).toContain('Known scenarios: empty, seed, busy, large, failing.')
  })

  it('refuses a session id that is too long or has other characters with 400', async () => {
    expect((await call('GET', BASE, { session: 'a'.repeat(129) })).status).toBe(400)
    expect((await call('GET', BASE, { session: 'a*b' })).status).toBe(400)
  })

  it('exports a session state and imports it into another', async () => {
    await call('POST', BASE, { body: custom('kit-moved'), session: 'http-kit-3' })
    const exported = (await call('GET', '/__mock/state', { session: 'http-kit-3' })).json
    expect((await call('PUT', '/__mock/state', { body: exported, session: 'http-kit-4' })).status).toBe(200)
    expect((await call('GET', `${BASE}/kit-moved`, { session: 'http-kit-4' })).status).toBe(200)
  })
})
