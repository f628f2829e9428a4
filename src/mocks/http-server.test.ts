// @vitest-environment node
import { request as httpRequest, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryStorage, type KeyValueStorage } from './control-plane'
import { CONTROLS_KEY } from './control-plane/storage'
import { startMockServer } from './http-server'

const AUTH = { authorization: 'Bearer dapi-test' }

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** One request through node:http, which sends paths, methods and headers as given (fetch would normalise them). */
function raw(
  base: string,
  method: string,
  path: string,
  { headers = AUTH, body }: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, headers, setHost: !('host' in headers) }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The body is a Databricks error: a code and a message, and nothing of the server's insides. */
function expectDatabricksError(answer: Answer) {
  expect(answer.headers['content-type']).toMatch(/^application\/json/)
  const body = JSON.parse(answer.text) as Record<string, unknown>
  expect(typeof body.error_code).toBe('string')
  expect(body.error_code).toMatch(/^[A-Z_]+$/)
  expect(typeof body.message).toBe('string')
  expect(body.message).not.toBe('')
  expect(answer.text).not.toMatch(/\bat \S+ \(|\bat (async )?\S+:\d+:\d+|node_modules|\.ts:\d+|Error:/)
  return body as { error_code: string; message: string }
}

const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const MiB = 1024 * 1024

let running: { server: Server; url: string }

beforeAll(async () => {
  running = await startMockServer({ port: 0, log: () => {} })
})
afterAll(() => new Promise<void>((resolve) => running.server.close(() => resolve())))

describe('client mistakes answer 4xx with a Databricks error body', () => {
  const E = '/api/2.0/serving-endpoints'
  const json = { ...AUTH, 'content-type': 'application/json' }
  it.each<[string, string, string, { headers?: Record<string, string>; body?: string }, number, string]>([
    ['a malformed escape in an endpoint name', 'GET', `${E}/%ZZ`, {}, 400, 'BAD_REQUEST'],
    ['a malformed escape on delete', 'DELETE', `${E}/%ZZ`, {}, 400, 'BAD_REQUEST'],
    ['a malformed escape on logs', 'GET', `${E}/%ZZ/served-models/a/logs`, {}, 400, 'BAD_REQUEST'],
    [
      'a malformed escape in a served model',
      'GET',
      `${E}/churn-predictor/served-models/%E0%A4/build-logs`,
      {},
      400,
      'BAD_REQUEST',
    ],
    ['a malformed escape on config', 'PUT', `${E}/%ZZ/config`, { headers: json, body: '{}' }, 400, 'BAD_REQUEST'],
    ['a malformed escape on tags', 'PATCH', `${E}/bad%/tags`, {}, 400, 'BAD_REQUEST'],
    [
      'a malformed escape on invocations',
      'POST',
      '/serving-endpoints/%ZZ/invocations',
      { headers: json, body: '{}' },
      400,
      'BAD_REQUEST',
    ],
    ['a malformed escape in a model name', 'GET', '/api/2.1/unity-catalog/models/%C3/versions', {}, 400, 'BAD_REQUEST'],
    ['a leading //', 'GET', `/${E}`, {}, 400, 'BAD_REQUEST'],
    ['a // inside the path', 'GET', '/api/2.0//serving-endpoints', {}, 400, 'BAD_REQUEST'],
    ['a path of //', 'GET', '//', {}, 400, 'BAD_REQUEST'],
    ['a request target that is not a path', 'GET', `http://elsewhere${E}`, {}, 400, 'BAD_REQUEST'],
    ['an invalid Host header', 'GET', E, { headers: { ...AUTH, host: 'bad host:99999' } }, 400, 'BAD_REQUEST'],
    ['a Host header with a path', 'GET', E, { headers: { ...AUTH, host: 'example.com/x' } }, 400, 'BAD_REQUEST'],
    ['TRACE', 'TRACE', E, {}, 404, 'ENDPOINT_NOT_FOUND'],
    ['PROPFIND', 'PROPFIND', `${E}/churn-predictor`, {}, 404, 'ENDPOINT_NOT_FOUND'],
    ['the list in capitals', 'GET', '/API/2.0/SERVING-ENDPOINTS', {}, 404, 'ENDPOINT_NOT_FOUND'],
    ['a route in mixed case', 'GET', '/api/2.0/Serving-Endpoints/churn-predictor', {}, 404, 'ENDPOINT_NOT_FOUND'],
    [
      'invocations in capitals',
      'POST',
      '/Serving-Endpoints/churn-predictor/invocations',
      { headers: json, body: '{}' },
      404,
      'ENDPOINT_NOT_FOUND',
    ],
    ['an unknown route', 'GET', '/api/2.0/nothing-here', {}, 404, 'ENDPOINT_NOT_FOUND'],
    ['JSON nested 5,000 deep on create', 'POST', E, { headers: json, body: deepJson(5000) }, 400, 'BAD_REQUEST'],
    [
      'JSON nested 65 deep in a config',
      'PUT',
      `${E}/churn-predictor/config`,
      { headers: json, body: `{"served_entities":${deepJson(64)}}` },
      400,
      'BAD_REQUEST',
    ],
    [
      'JSON nested 5,000 deep in a query',
      'POST',
      '/serving-endpoints/churn-predictor/invocations',
      { headers: json, body: `{"inputs":${deepJson(5000)}}` },
      400,
      'BAD_REQUEST',
    ],
    ['JSON that is not JSON', 'POST', E, { headers: json, body: '{"name": ' }, 400, 'BAD_REQUEST'],
    [
      'a create body over 1 MiB',
      'POST',
      E,
      { headers: json, body: JSON.stringify({ name: 'x', description: 'd'.repeat(MiB) }) },
      413,
      'BAD_REQUEST',
    ],
    [
      'a query body over 16 MiB',
      'POST',
      '/serving-endpoints/churn-predictor/invocations',
      { headers: json, body: JSON.stringify({ inputs: ['x'.repeat(16 * MiB)] }) },
      413,
      'BAD_REQUEST',
    ],
    [
      '151 embeddings inputs',
      'POST',
      '/serving-endpoints/databricks-gte-large-en/invocations',
      { headers: json, body: JSON.stringify({ input: Array(151).fill('hi') }) },
      400,
      'INVALID_PARAMETER_VALUE',
    ],
    [
      '20,000 embeddings inputs',
      'POST',
      '/serving-endpoints/databricks-gte-large-en/invocations',
      { headers: json, body: JSON.stringify({ input: Array(20_000).fill('hi') }) },
      400,
      'INVALID_PARAMETER_VALUE',
    ],
    [
      'a latency of 1e9 ms',
      'PUT',
      '/__mock/controls',
      { headers: json, body: '{"latencyMs": 1e9}' },
      400,
      'INVALID_PARAMETER_VALUE',
    ],
    [
      'a fault with status 99',
      'PUT',
      '/__mock/controls',
      { headers: json, body: '{"faults": [{"path": "*", "status": 99}]}' },
      400,
      'INVALID_PARAMETER_VALUE',
    ],
    [
      'controls nested 5,000 deep',
      'PUT',
      '/__mock/controls',
      { headers: json, body: `{"faults":${deepJson(5000)}}` },
      400,
      'BAD_REQUEST',
    ],
    ['controls that are not JSON', 'PUT', '/__mock/controls', { headers: json, body: 'latency=0' }, 400, 'BAD_REQUEST'],
    ['an unknown method on a mock route', 'DELETE', '/__mock/controls', {}, 404, 'ENDPOINT_NOT_FOUND'],
  ])('%s: %s %s', async (_, method, path, options, status, code) => {
    const answer = await raw(running.url, method, path, options)
    expect(answer.status).toBe(status)
    expect(expectDatabricksError(answer).error_code).toBe(code)
  })

  it('names the limits it refuses over', async () => {
    const deep = expectDatabricksError(await raw(running.url, 'POST', E, { headers: json, body: deepJson(65) }))
    expect(deep.message).toContain('64')
    const big = expectDatabricksError(await raw(running.url, 'POST', E, { headers: json, body: 'x'.repeat(MiB + 1) }))
    expect(big.message).toContain('1 MiB')
    const inputs = expectDatabricksError(
      await raw(running.url, 'POST', '/serving-endpoints/databricks-gte-large-en/invocations', {
        headers: json,
        body: JSON.stringify({ input: Array(151).fill('hi') }),
      }),
    )
    expect(inputs.message).toContain('150')
    const latency = expectDatabricksError(
      await raw(running.url, 'PUT', '/__mock/controls', { headers: json, body: '{"latencyMs": 1e9}' }),
    )
    expect(latency.message).toContain('latencyMs')
    expect(latency.message).toContain('60000')
  })

  it('still serves the same requests spelled right', async () => {
    expect((await raw(running.url, 'GET', E)).status).toBe(200)
    expect((await raw(running.url, 'GET', `${E}/churn-predictor/`)).status).toBe(200)
    const nested = await raw(running.url, 'POST', '/serving-endpoints/churn-predictor/invocations', {
      headers: json,
      body: JSON.stringify({ inputs: JSON.parse(deepJson(60)) as unknown }),
    })
    expect(nested.status).toBe(200)
    const embeddings = await raw(running.url, 'POST', '/serving-endpoints/databricks-gte-large-en/invocations', {
      headers: json,
      body: JSON.stringify({ input: Array(150).fill('hi') }),
    })
    expect(embeddings.status).toBe(200)
    expect((JSON.parse(embeddings.text) as { data: unknown[] }).data).toHaveLength(150)
  })
})

describe('authentication', () => {
  it('accepts the Bearer scheme in any case (RFC 7235)', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const answer = await raw(running.url, 'GET', '/api/2.0/serving-endpoints', {
        headers: { authorization: `${scheme} dapi-x` },
      })
      expect(answer.status).toBe(200)
    }
  })

  it('still refuses other schemes and an empty token with 401', async () => {
    for (const authorization of ['Basic dTpw', 'Bearer', 'Bearer ', 'Bearerx y']) {
      const answer = await raw(running.url, 'GET', '/api/2.0/serving-endpoints', { headers: { authorization } })
      expect(answer.status).toBe(401)
      expect(expectDatabricksError(answer).error_code).toBe('UNAUTHENTICATED')
    }
  })
})

describe('bounds on request bodies', () => {
  it('refuses a declared Content-Length over the bound without reading the body', async () => {
    const { hostname, port } = new URL(running.url)
    let closed: Promise<void> = Promise.resolve()
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        {
          host: hostname,
          port,
          method: 'POST',
          path: '/serving-endpoints/churn-predictor/invocations',
          headers: { ...AUTH, 'content-length': String(200 * MiB) },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
          )
        },
      )
      req.on('error', reject)
      closed = new Promise((done) => req.on('close', () => done()))
      // Send a first part only: the answer must not wait for the 200 MiB announced.
      req.write('{"inputs": [')
    })
    expect(answer.status).toBe(413)
    expect(expectDatabricksError(answer).message).toContain('16 MiB')
    // …and the server does not wait for the rest either: it cuts the connection.
    await closed
  })

  it('a refused huge request does not stop a concurrent normal GET from answering', async () => {
    const { hostname, port } = new URL(running.url)
    let refused: Answer | undefined
    const huge = new Promise<void>((resolve) => {
      // Chunked, with no Content-Length: the server can only count as it reads.
      const req = httpRequest(
        { host: hostname, port, method: 'POST', path: '/serving-endpoints/churn-predictor/invocations', headers: AUTH },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            refused = { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }
            resolve()
          })
        },
      )
      req.on('error', () => resolve())
      const chunk = Buffer.alloc(MiB, 'x')
      let sent = 0
      const pump = () => {
        while (sent < 64 && req.write(chunk)) sent++
        if (sent < 64) req.once('drain', pump)
        else req.end()
      }
      pump()
    })
    const started = performance.now()
    const list = await raw(running.url, 'GET', '/api/2.0/serving-endpoints')
    expect(list.status).toBe(200)
    expect(performance.now() - started).toBeLessThan(2000)
    await huge
    expect(refused?.status).toBe(413)
    expect((await raw(running.url, 'GET', '/api/2.0/serving-endpoints/churn-predictor')).status).toBe(200)
  })
})

describe('mock controls over HTTP', () => {
  it('stores nothing when a value is out of range', async () => {
    const json = { ...AUTH, 'content-type': 'application/json' }
    expect((await raw(running.url, 'PUT', '/__mock/controls', { headers: json, body: '{"latencyMs": 5}' })).status).toBe(200)
    const refused = await raw(running.url, 'PUT', '/__mock/controls', { headers: json, body: '{"latencyMs": 0, "deployMs": -1}' })
    expect(refused.status).toBe(400)
    expect(expectDatabricksError(refused).message).toContain('deployMs')
    const answer = await raw(running.url, 'PUT', '/__mock/controls', { headers: json, body: '{"latencyMs": 0}' })
    expect(JSON.parse(answer.text)).toMatchObject({ latencyMs: 0 })
  })

  it('GET /__mock/controls answers the controls in force, and mock routes are never faulted or delayed', async () => {
    const json = { ...AUTH, 'content-type': 'application/json' }
    const faults = [{ path: '*', status: 503, times: 5 }]
    expect(
      (await raw(running.url, 'PUT', '/__mock/controls', { headers: json, body: JSON.stringify({ latencyMs: 3000, faults }) }))
        .status,
    ).toBe(200)
    const started = performance.now()
    const got = await raw(running.url, 'GET', '/__mock/controls')
    expect(got.status).toBe(200)
    expect(JSON.parse(got.text)).toMatchObject({ latencyMs: 3000, deployMs: 8000, faults })
    expect((await raw(running.url, 'POST', '/__mock/reset')).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(2000)
    const cleared = await raw(running.url, 'PUT', '/__mock/controls', { headers: json, body: '{"latencyMs": 0}' })
    expect(JSON.parse(cleared.text)).toMatchObject({ latencyMs: 0, faults: [] })
    expect((await raw(running.url, 'GET', '/api/2.0/serving-endpoints')).status).toBe(200)
  })

  it('ignores an out-of-range latency already in storage instead of hanging every request', async () => {
    const storage = memoryStorage({ [CONTROLS_KEY]: JSON.stringify({ latencyMs: 1e9 }) })
    const other = await startMockServer({ port: 0, storage, log: () => {} })
    try {
      const started = performance.now()
      expect((await raw(other.url, 'GET', '/api/2.0/serving-endpoints')).status).toBe(200)
      expect(performance.now() - started).toBeLessThan(2000)
    } finally {
      other.server.close()
    }
  })
})

describe('unexpected failures', () => {
  it('answer INTERNAL_ERROR with a generic message, without the error text or a stack', async () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('EACCES: /home/secret/state.json at readFileSync')
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    }
    const other = await startMockServer({ port: 0, storage: broken, log: () => {} })
    try {
      for (const path of ['/api/2.0/serving-endpoints', '/__mock/controls']) {
        const method = path === '/__mock/controls' ? 'PUT' : 'GET'
        const answer = await raw(other.url, method, path, {
          headers: { ...AUTH, 'content-type': 'application/json' },
          body: method === 'PUT' ? '{}' : undefined,
        })
        expect(answer.status).toBe(500)
        const body = expectDatabricksError(answer)
        expect(body.error_code).toBe('INTERNAL_ERROR')
        expect(body.message).not.toMatch(/secret|EACCES|readFileSync|Unexpected error/)
      }
      // …and the server goes on answering.
      expect((await raw(other.url, 'GET', '/nothing')).status).toBe(404)
    } finally {
      other.server.close()
    }
  })
})

describe('streamed answers', () => {
  const chat = JSON.stringify({ messages: [{ role: 'user', content: 'What is serving?' }], stream: true })
  const headers = { ...AUTH, 'content-type': 'application/json' }

  it('sends each server-sent event as the mock paces it, not the body at the end', async () => {
    const paced = await startMockServer({ port: 0, defaults: { latencyMs: 25 }, log: () => {} })
    try {
      const response = await fetch(`${paced.url}/serving-endpoints/support-chat-gpt4o/invocations`, {
        method: 'POST',
        headers,
        body: chat,
      })
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      const decoder = new TextDecoder()
      const reads: string[] = []
      for (let read = await reader.read(); !read.done; read = await reader.read()) reads.push(decoder.decode(read.value))
      expect(reads.length).toBeGreaterThan(5)
      expect(reads[0]).toMatch(/^data: \{.*"chat\.completion\.chunk"/)
      expect(reads.join('')).toMatch(/data: \[DONE\]\n\n$/)
    } finally {
      paced.server.close()
    }
  })

  it('stops a stream the client walks away from and goes on answering', async () => {
    const paced = await startMockServer({ port: 0, defaults: { latencyMs: 25 }, log: () => {} })
    try {
      const controller = new AbortController()
      const response = await fetch(`${paced.url}/serving-endpoints/support-chat-gpt4o/invocations`, {
        method: 'POST',
        headers,
        body: chat,
        signal: controller.signal,
      })
      const reader = (response.body as ReadableStream<Uint8Array>).getReader()
      await reader.read()
      controller.abort()
      const next = await fetch(`${paced.url}/api/2.0/serving-endpoints/support-chat-gpt4o`, { headers: AUTH })
      expect(next.status).toBe(200)
    } finally {
      paced.server.close()
    }
  })
})

// The mock API for test suites over a real socket: the HTTP server answers it as msw does, sessions included.
describe('the mock API for test suites, over the HTTP server', () => {
  let kitServer: { server: Server; url: string }

  beforeAll(async () => {
    kitServer = await startMockServer({ port: 0, log: () => {}, defaults: { latencyMs: 0, deployMs: 600_000 } })
  })
  afterAll(() => new Promise<void>((resolve) => kitServer.server.close(() => resolve())))

  async function kitCall(method: string, path: string, { body, session }: { body?: unknown; session?: string } = {}) {
    const headers: Record<string, string> = { authorization: 'Bearer dapi-kit' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (session !== undefined) headers['x-mock-session'] = session
    const response = await fetch(`${kitServer.url}${path}`, {
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
      expect((await kitCall('POST', BASE, { body: custom('kit-http'), session })).status).toBe(200)
      const journal = (await kitCall('GET', `/__mock/requests?method=POST`, { session })).json.requests as Record<
        string,
        unknown
      >[]
      expect(journal).toEqual([expect.objectContaining({ method: 'POST', path: BASE, status: 200, body: custom('kit-http') })])

      const state = async () => ((await kitCall('GET', `${BASE}/kit-http`, { session })).json.state as { ready: string }).ready
      expect(await state()).toBe('NOT_READY')
      expect((await kitCall('POST', '/__mock/clock', { body: { advanceMs: 600_000 }, session })).status).toBe(200)
      expect(await state()).toBe('READY')

      // The default session saw none of it.
      expect((await kitCall('GET', `${BASE}/kit-http`)).status).toBe(404)
      expect((await kitCall('GET', '/__mock/clock')).json.offset_ms).toBe(0)
    })

    it('loads a scenario by name, and answers 404 naming the known ones', async () => {
      expect((await kitCall('POST', '/__mock/scenario/large', { session: 'http-kit-2' })).json.endpoints).toBeGreaterThan(2000)
      const unknown = await kitCall('POST', '/__mock/scenario/huge', { session: 'http-kit-2' })
      expect(unknown.status).toBe(404)
      expect(unknown.json.message).toContain('Known scenarios: empty, seed, busy, large, failing.')
    })

    it('refuses a session id that is too long or has other characters with 400', async () => {
      expect((await kitCall('GET', BASE, { session: 'a'.repeat(129) })).status).toBe(400)
      expect((await kitCall('GET', BASE, { session: 'a*b' })).status).toBe(400)
    })

    it('exports a session state and imports it into another', async () => {
      await kitCall('POST', BASE, { body: custom('kit-moved'), session: 'http-kit-3' })
      const exported = (await kitCall('GET', '/__mock/state', { session: 'http-kit-3' })).json
      expect((await kitCall('PUT', '/__mock/state', { body: exported, session: 'http-kit-4' })).status).toBe(200)
      expect((await kitCall('GET', `${BASE}/kit-moved`, { session: 'http-kit-4' })).status).toBe(200)
    })
  })
})
