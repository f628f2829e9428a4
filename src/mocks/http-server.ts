// The same msw handlers behind a real HTTP port, for SDKs, curl and e2e suites (CLI: cli.ts).
// msw's getResponse() runs the handlers on each request; no second implementation of the API.
// A client mistake (a bad path, Host, method or body) is a 4xx with a Databricks error body; the
// request is refused without holding up the others.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import { ControlPlane, ControlPlaneError, memoryStorage, type KeyValueStorage, type MockControls } from './control-plane'
import { parseControls } from './control-plane/controls'
import { noRoute } from './control-plane/errors'
import { candidates } from './dispatch'
import { bodyLimit, createHandlers, pathProblem, tooLarge } from './handlers'

const UNAUTHENTICATED = new ControlPlaneError(
  'UNAUTHENTICATED',
  'Credential was not sent or was of an unsupported type for this API. Send Authorization: Bearer <token>.',
)
const INTERNAL = new ControlPlaneError(
  'INTERNAL_ERROR',
  'The mock server failed to handle this request; its log has the details.',
)

/** Methods a route may answer; anything else (TRACE, CONNECT, WebDAV verbs) is no route at all. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** RFC 7235: the auth scheme is case-insensitive; the token is one run of non-space characters. */
const BEARER = /^bearer +(\S+)$/i

function sendError(res: ServerResponse, error: ControlPlaneError): void {
  res.writeHead(error.status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(error.toBody()))
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    headers[key] = value
  })
  res.writeHead(response.status, headers)
  if (!response.body) return void res.end()
  // Written as the handler produces it, so a streamed answer (server-sent events) arrives in pieces.
  const reader = response.body.getReader()
  res.once('close', () => {
    if (!res.writableFinished) void reader.cancel()
  })
  for (let read = await reader.read(); !read.done; read = await reader.read()) res.write(read.value)
  res.end()
}

/** The origin the handlers see: from a well-formed Host header, else the listening address. */
function originOf(req: IncomingMessage, host: string): string | undefined {
  const header = req.headers.host
  if (header === undefined || header === '') return `http://${host.includes(':') ? `[${host}]` : host}`
  if (!URL.canParse(`http://${header}`)) return undefined
  const url = new URL(`http://${header}`)
  return url.host === header.toLowerCase() ? url.origin : undefined
}

/** Reads the body up to `limit` bytes; past it, stops and answers 'too-large' (the rest is never buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer> | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.off('end', onEnd)
        req.pause()
        resolve('too-large')
      } else chunks.push(chunk)
    }
    const onEnd = () => resolve(Buffer.concat(chunks))
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', reject)
  })
}

/** How long a refused upload is drained after the 413, before its connection is cut. */
const DRAIN_MS = 1000

/**
 * Answers 413 at once, without buffering the rest of the body. What the client is still sending is
 * discarded for at most DRAIN_MS and then the connection is cut: cutting it at once would reset
 * the connection before most clients have read the 413.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, path: string): void {
  res.once('finish', () => {
    if (req.complete) return
    const cut = setTimeout(() => req.socket.destroy(), DRAIN_MS)
    cut.unref()
    req.once('end', () => clearTimeout(cut))
    req.resume()
  })
  sendError(res, tooLarge(path))
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
  let checked: Partial<MockControls>
  try {
    // Out-of-range defaults (e.g. --latency-ms) fail at startup, with the messages of PUT /__mock/controls.
    checked = parseControls(defaults)
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
  const controlPlane = new ControlPlane({ storage, defaults: checked })
  const logError = (error: unknown) =>
    log(`Mock server failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  const handlers = createHandlers(controlPlane, { onError: logError })

  async function handle(req: IncomingMessage, res: ServerResponse, target: string, path: string): Promise<void> {
    const method = req.method ?? 'GET'
    const auth = BEARER.exec(req.headers.authorization ?? '')
    if (!auth || (token !== undefined && auth[1] !== token)) return sendError(res, UNAUTHENTICATED)
    if (!target.startsWith('/')) {
      return sendError(res, new ControlPlaneError('BAD_REQUEST', "The request target must be a path that starts with '/'."))
    }
    const problem = pathProblem(path)
    if (problem) return sendError(res, problem)
    const origin = originOf(req, host)
    if (!origin) return sendError(res, new ControlPlaneError('BAD_REQUEST', 'The Host header is not a valid host[:port].'))
    if (!METHODS.has(method)) return sendError(res, noRoute(method, path))

    const limit = bodyLimit(path)
    if (Number(req.headers['content-length']) > limit.bytes) return refuseBody(req, res, path)
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, limit.bytes)
    if (body === 'too-large') return refuseBody(req, res, path)

    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value)
      else if (Array.isArray(value)) headers.set(key, value.join(', '))
    }
    if (!URL.canParse(`${origin}${target}`))
      return sendError(res, new ControlPlaneError('BAD_REQUEST', 'The request target is not a valid path.'))
    const request = new Request(`${origin}${target}`, { method, headers, body: body && body.length > 0 ? body : undefined })
    const response = await getResponse(candidates(handlers, request), request)
    return response ? send(res, response) : sendError(res, noRoute(method, path))
  }

  const server = createServer((req, res) => {
    const started = performance.now()
    const target = req.url ?? '/'
    const path = target.split('?')[0]
    res.on('finish', () => {
      log(`${new Date().toISOString()} ${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms`)
    })
    handle(req, res, target, path).catch((error: unknown) => {
      if (error instanceof ControlPlaneError && !res.headersSent) return sendError(res, error)
      logError(error)
      if (res.headersSent) res.destroy()
      else sendError(res, INTERNAL)
    })
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
