// The same msw handlers behind a real HTTP port, for SDKs, curl and e2e suites (CLI: cli.ts).
// msw's getResponse() runs the handlers on each request; no second implementation of the API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import { ControlPlane, memoryStorage, type KeyValueStorage, type MockControls } from './control-plane'
import { CONTROLS_KEY } from './control-plane/storage'
import { createHandlers } from './handlers'

const UNAUTHENTICATED = JSON.stringify({
  error_code: 'UNAUTHENTICATED',
  message: 'Credential was not sent or was of an unsupported type for this API. Send Authorization: Bearer <token>.',
})

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value)
    else if (Array.isArray(value)) headers.set(key, value.join(', '))
  }
  const method = req.method ?? 'GET'
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  })
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  res.writeHead(response.status, headers)
  res.end(Buffer.from(await response.arrayBuffer()))
}

export interface MockServerOptions {
  port: number
  host?: string
  storage?: KeyValueStorage
  /** When set, only this bearer token is accepted; otherwise any non-empty one. */
  token?: string
  defaults?: Partial<MockControls>
  log?: (line: string) => void
}

export function startMockServer({
  port,
  host = '127.0.0.1',
  storage = memoryStorage(),
  token,
  defaults = { latencyMs: 0 },
  log = (line) => console.log(line),
}: MockServerOptions): Promise<{ server: Server; url: string; controlPlane: ControlPlane }> {
  const controlPlane = new ControlPlane({ storage, defaults })
  const handlers = createHandlers(controlPlane)

  const server = createServer((req, res) => {
    const started = performance.now()
    const path = (req.url ?? '/').split('?')[0]
    res.on('finish', () => {
      log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`)
    })
    const auth = req.headers.authorization ?? ''
    const match = /^Bearer (\S+)$/.exec(auth)
    if (!match || (token !== undefined && match[1] !== token)) {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(UNAUTHENTICATED)
      return
    }
    void (async () => {
      try {
        // Mock-only routes for test suites: set the controls, reset the demo data.
        if (path === '/__mock/controls' && req.method === 'PUT') {
          const request = await toRequest(req, `http://${host}`)
          storage.setItem(CONTROLS_KEY, await request.text())
          return await send(res, Response.json(controlPlane.controls.read()))
        }
        if (path === '/__mock/reset' && req.method === 'POST') {
          controlPlane.reset()
          return await send(res, Response.json({}))
        }
        const request = await toRequest(req, `http://${req.headers.host ?? host}`)
        const response = await getResponse(handlers, request)
        if (response) return await send(res, response)
        res.writeHead(404, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for '${req.method} ${path}'.` }))
      } catch (error) {
        if (res.headersSent) return res.destroy()
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error_code: 'INTERNAL_ERROR', message: `Mock server failure: ${String(error)}` }))
      }
    })()
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      resolve({ server, url: `http://${host}:${actual}`, controlPlane })
    })
  })
}
