// The workspace proxy as an attacker and as the console meet it: the real vite.config.ts, a dev and
// a preview server, and a recording upstream standing in for the workspace.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview, type PreviewServer, type ViteDevServer } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { refusal } from './console-proxy'

const TOKEN = 'dapi-proxy-test-secret'

interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

/** A stand-in workspace that records what reaches it and sends CORS and cookie headers back. */
function startUpstream(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createHttpServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    req.resume()
    res.writeHead(200, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'set-cookie': 'workspace-session=abc',
    })
    res.end(JSON.stringify({ endpoints: [] }))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  )
}

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** Raw HTTP (not fetch): sends Origin and Sec-Fetch-* exactly as a browser would, or not at all. */
function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' }
const CREATE_BODY = JSON.stringify({
  name: 'gpu-miner',
  config: { served_entities: [{ entity_name: 'x', workload_type: 'GPU_LARGE' }] },
})

describe('refusal()', () => {
  const get = (url: string, headers: Record<string, string> = {}) =>
    refusal({ method: 'GET', url, headers: { host: 'localhost:5173', ...headers } })
  const post = (url: string, headers: Record<string, string> = {}) =>
    refusal({ method: 'POST', url, headers: { host: 'localhost:5173', 'content-type': 'application/json', ...headers } })

  it.each([
    '/api/2.0/serving-endpoints',
    '/api/2.0/serving-endpoints/my-model',
    '/api/2.0/serving-endpoints/my_model/events',
    '/api/2.0/serving-endpoints/my-model/served-models/main.default.churn-3/logs',
    '/api/2.0/serving-endpoints/my-model/metrics-history?start_timestamp=1&end_timestamp=2',
    '/api/2.0/preview/scim/v2/Me',
    '/api/2.1/unity-catalog/models',
    '/api/2.1/unity-catalog/models/main.default.churn_model/versions',
    '/api/2.0/permissions/serving-endpoints/abc123',
    '/api/2.0/serving-endpoints/get-model-optimization-info/main.finetune.llama_3_1_8b_support/2',
  ])('forwards the console call GET %s from its own page', (url) => {
    expect(get(url, { 'sec-fetch-site': 'same-origin' })).toBeUndefined()
  })

  it.each([
    '/api/2.0/token/create',
    '/api/2.0/clusters/list',
    '/api/2.0/workspace/export?path=/Users',
    '/apifoo',
    '/api/2.0/serving-endpoints/..',
    '/api/2.0/serving-endpoints/%2e%2e/config',
    '/api/2.0/serving-endpoints/a%2Fb',
    '/api/2.0//serving-endpoints',
    '/api/2.0/serving-endpoints/x/../../token/list',
    '/serving-endpoints/../api/2.0/token/list',
    '/API/2.0/SERVING-ENDPOINTS',
  ])('refuses GET %s, which the console never calls', (url) => {
    expect(get(url)?.status).toBe(403)
    expect(get(url)?.body.error_code).toBe('PERMISSION_DENIED')
  })

  it.each([
    '/serving-endpoints/support-chat/invocations',
    '/serving-endpoints/chat/completions',
    '/serving-endpoints/completions',
    '/serving-endpoints/embeddings',
  ])('forwards the query POST %s (invocations, streamed or not, and the OpenAI-compatible routes)', (url) => {
    expect(post(url, SAME_ORIGIN)).toBeUndefined()
    expect(get(url, SAME_ORIGIN)?.status).toBe(403)
  })

  it.each(['/serving-endpoints/chat/completions/x', '/serving-endpoints/chat', '/serving-endpoints/Embeddings'])(
    'refuses POST %s, which is no query route',
    (url) => {
      expect(post(url, SAME_ORIGIN)?.status).toBe(403)
    },
  )

  it('refuses a known path with a method the console does not use on it', () => {
    expect(
      refusal({ method: 'DELETE', url: '/api/2.0/serving-endpoints', headers: { 'content-type': 'application/json' } })?.status,
    ).toBe(403)
    expect(refusal({ method: 'OPTIONS', url: '/api/2.0/serving-endpoints', headers: {} })?.status).toBe(403)
  })

  it.each([
    ['another site', { origin: 'http://evil.test' }],
    ['another localhost port', { origin: 'http://localhost:3000' }],
    ['the null origin of a sandboxed frame', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site page on another port', { 'sec-fetch-site': 'same-site' }],
    ['a typed-in address', { 'sec-fetch-site': 'none' }],
  ])('refuses a request from %s', (_what, headers) => {
    expect(post('/api/2.0/serving-endpoints', headers)?.status).toBe(403)
  })

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no Content-Type', { 'content-type': '' }],
  ])('refuses a mutation sent as %s', (_what, headers) => {
    expect(post('/api/2.0/serving-endpoints', { ...SAME_ORIGIN, ...headers })?.status).toBe(403)
  })

  it('forwards a JSON mutation from the console origin', () => {
    expect(
      post('/api/2.0/serving-endpoints', {
        origin: 'http://localhost:5173',
        'content-type': 'application/json; charset=utf-8',
        ...SAME_ORIGIN,
      }),
    ).toBeUndefined()
    expect(
      refusal({
        method: 'DELETE',
        url: '/api/2.0/serving-endpoints/x',
        headers: { host: 'h:1', 'content-type': 'application/json' },
      }),
    ).toBeUndefined()
  })
})

describe.each(['dev', 'preview'] as const)('the %s server in mock-server mode', (kind) => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>
  let server: ViteDevServer | PreviewServer
  let base: string
  const saved = { ...process.env }

  beforeAll(async () => {
    upstream = await startUpstream()
    process.env.VITE_API_BASE = upstream.url
    process.env.MOCK_SERVER_TOKEN = TOKEN
    const inline = { configFile: 'vite.config.ts', logLevel: 'silent' as const }
    if (kind === 'dev') {
      const dev = await createServer({ ...inline, server: { port: 0, strictPort: false, hmr: false, ws: false } })
      await dev.listen()
      server = dev
    } else {
      const outDir = mkdtempSync(join(tmpdir(), 'console-proxy-'))
      writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>Serving</title>')
      server = await preview({ ...inline, build: { outDir }, preview: { port: 0, strictPort: false } })
    }
    const address = server.httpServer?.address() as AddressInfo
    base = `http://localhost:${address.port}`
  }, 30_000)

  afterAll(async () => {
    process.env = saved
    await server?.close()
    await new Promise((resolve) => upstream?.server.close(resolve))
  })

  afterEach(() => {
    upstream.seen.length = 0
  })

  it('lets the console list endpoints through, with the token added on the server side only', async () => {
    const answer = await send(base, 'GET', '/api/2.0/serving-endpoints', { ...SAME_ORIGIN, cookie: 'console=1' })
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toEqual({ endpoints: [] })
    expect(upstream.seen).toHaveLength(1)
    expect(upstream.seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(upstream.seen[0]?.headers.cookie).toBeUndefined()
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
    expect(answer.headers['set-cookie']).toBeUndefined()
  })

  it('creates nothing for a cross-origin no-cors text/plain POST', async () => {
    const answer = await send(
      base,
      'POST',
      '/api/2.0/serving-endpoints',
      { origin: 'http://evil.test', 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
      CREATE_BODY,
    )
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'PERMISSION_DENIED' })
    expect(upstream.seen).toEqual([])
  })

  it('gives a page on another localhost port neither the list nor a CORS grant', async () => {
    const other = { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' }
    const read = await send(base, 'GET', '/api/2.0/serving-endpoints', other)
    expect(read.status).toBe(403)
    expect(read.headers['access-control-allow-origin']).toBeUndefined()
    const preflight = await send(base, 'OPTIONS', '/api/2.0/serving-endpoints/recsys-ranker', {
      ...other,
      'access-control-request-method': 'DELETE',
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined()
    expect(upstream.seen).toEqual([])
  })

  it('does not forward a path the console never calls, even from its own page', async () => {
    const answer = await send(base, 'POST', '/api/2.0/token/create', { ...SAME_ORIGIN, 'content-type': 'application/json' }, '{}')
    expect(answer.status).toBe(403)
    expect(JSON.parse(answer.body).message).toContain('POST /api/2.0/token/create')
    expect(upstream.seen).toEqual([])
  })

  it('sends the Content-Security-Policy as a header that forbids framing', async () => {
    const page = await send(base, 'GET', '/', {})
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('an upstream that is down', () => {
  let server: ViteDevServer
  const saved = { ...process.env }

  beforeAll(async () => {
    // A port that was just free: nothing listens there.
    const probe = createHttpServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const port = (probe.address() as AddressInfo).port
    await new Promise((resolve) => probe.close(resolve))
    process.env.VITE_API_BASE = `http://127.0.0.1:${port}`
    server = await createServer({
      configFile: 'vite.config.ts',
      logLevel: 'silent',
      server: { port: 0, strictPort: false, hmr: false, ws: false },
    })
    await server.listen()
  }, 30_000)

  afterAll(async () => {
    process.env = saved
    await server?.close()
  })

  it('answers 502 with a Databricks error naming the host and what to check', async () => {
    const { port } = (server.httpServer?.address() ?? {}) as AddressInfo
    const answer = await send(`http://localhost:${port}`, 'GET', '/api/2.0/serving-endpoints', SAME_ORIGIN)
    expect(answer.status).toBe(502)
    const body = JSON.parse(answer.body) as { error_code: string; message: string }
    expect(body.error_code).toBe('TEMPORARILY_UNAVAILABLE')
    expect(body.message).toContain(process.env.VITE_API_BASE ?? 'never')
    expect(body.message).toContain('npm run mock-server')
  })
})
