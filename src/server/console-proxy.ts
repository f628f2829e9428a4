// The backend proxy of the dev and preview servers (Node only, loaded by vite.config.ts). It adds the
// user's token to what it forwards, so it forwards only the console's own calls, only from the
// console's own pages: anything else is refused before it reaches the upstream.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Connect, Plugin, ProxyOptions } from 'vite'

export type ProxiedBackend = { kind: 'mock-server' | 'workspace'; target: string; token: string }

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One path segment the console puts in a URL: a name, never `.`/`..`, never an escape. */
const SEGMENT = '(?!\\.{1,2}(?:/|$))[A-Za-z0-9_.~-]+'
const ENDPOINT = `/api/2\\.0/serving-endpoints/${SEGMENT}`

/** The routes the console calls (src/api/endpoints.ts), with their methods. */
export const CONSOLE_ROUTES: readonly { methods: readonly Method[]; path: RegExp }[] = [
  { methods: ['GET', 'POST'], path: /^\/api\/2\.0\/serving-endpoints$/ },
  { methods: ['GET', 'DELETE'], path: new RegExp(`^${ENDPOINT}$`) },
  { methods: ['PUT'], path: new RegExp(`^${ENDPOINT}/(?:config|rate-limits|ai-gateway)$`) },
  { methods: ['POST'], path: new RegExp(`^${ENDPOINT}/config/cancel$`) },
  { methods: ['PATCH'], path: new RegExp(`^${ENDPOINT}/tags$`) },
  { methods: ['GET'], path: new RegExp(`^${ENDPOINT}/(?:events|metrics|metrics-history|openapi)$`) },
  { methods: ['GET'], path: new RegExp(`^${ENDPOINT}/served-models/${SEGMENT}/(?:logs|build-logs)$`) },
  { methods: ['GET'], path: new RegExp(`^/api/2\\.0/serving-endpoints/get-model-optimization-info/${SEGMENT}/${SEGMENT}$`) },
  { methods: ['POST'], path: new RegExp(`^/serving-endpoints/${SEGMENT}/invocations$`) },
  { methods: ['POST'], path: /^\/serving-endpoints\/(?:chat\/completions|completions|embeddings)$/ },
  { methods: ['GET', 'PUT', 'PATCH'], path: new RegExp(`^/api/2\\.0/permissions/serving-endpoints/${SEGMENT}$`) },
  { methods: ['GET'], path: new RegExp(`^/api/2\\.0/permissions/serving-endpoints/${SEGMENT}/permissionLevels$`) },
  { methods: ['GET'], path: /^\/api\/2\.0\/preview\/scim\/v2\/Me$/ },
  { methods: ['GET'], path: /^\/api\/2\.1\/unity-catalog\/models$/ },
  { methods: ['GET'], path: new RegExp(`^/api/2\\.1/unity-catalog/models/${SEGMENT}/versions$`) },
]

/** The path prefixes handed to the proxy; everything under them passes the guard first. */
export const PROXIED_PREFIXES = ['/api', '/serving-endpoints'] as const

export interface Refusal {
  status: number
  body: { error_code: string; message: string }
}

export interface GuardedRequest {
  method: string
  url: string
  headers: Record<string, string | string[] | undefined>
}

const header = (request: GuardedRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

const refuse = (message: string): Refusal => ({ status: 403, body: { error_code: 'PERMISSION_DENIED', message } })

// Vite's proxy matches by prefix alone, so `/apifoo` is proxied too and must pass the guard.
const isProxied = (path: string) => PROXIED_PREFIXES.some((prefix) => path.startsWith(prefix))

/**
 * Why the proxy must not forward this request, or undefined to forward it. The console's origin is
 * the one the browser asked for (Host, already checked against allowedHosts by Vite).
 */
export function refusal(request: GuardedRequest): Refusal | undefined {
  const method = request.method.toUpperCase()
  const [path = '', query] = request.url.split(/\?(.*)/s)
  const what = `${method} ${path}`
  const route = CONSOLE_ROUTES.find((r) => r.path.test(path))
  if (!route || !(route.methods as readonly string[]).includes(method) || (query !== undefined && /[#\\]/.test(query))) {
    return refuse(`The Serving Console proxy forwards only the console's own API calls; ${what} is not one of them.`)
  }
  const host = header(request, 'host')
  const origin = header(request, 'origin')
  if (origin !== undefined && (host === undefined || (origin !== `http://${host}` && origin !== `https://${host}`))) {
    return refuse(`The Serving Console proxy answers only the console's own pages, not ${origin}.`)
  }
  const site = header(request, 'sec-fetch-site')
  if (site !== undefined && site !== 'same-origin') {
    return refuse(`The Serving Console proxy answers only the console's own pages (this request came from a ${site} context).`)
  }
  if (method !== 'GET') {
    const type = (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') {
      return refuse(`The Serving Console proxy forwards ${method} requests only with Content-Type: application/json.`)
    }
  }
  return undefined
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent || res.writableEnded) return
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** Says which backend could not be reached and what to check, in the Databricks error shape. */
export function unreachable(backend: ProxiedBackend, reason: string): Refusal['body'] {
  const what = backend.kind === 'workspace' ? 'the Databricks workspace' : 'the mock server'
  const check =
    backend.kind === 'workspace'
      ? 'Check DATABRICKS_HOST, your network or VPN, and that the workspace is running.'
      : 'Check that `npm run mock-server` is running and that VITE_API_BASE points at it.'
  return {
    error_code: 'TEMPORARILY_UNAVAILABLE',
    message: `The console could not reach ${what} at ${backend.target} (${reason}). ${check}`,
  }
}

/** Vite's proxy options for the backend: the token added here, cookies and CORS grants dropped. */
export function proxyOptions(backend: ProxiedBackend): Record<string, ProxyOptions> {
  const options: ProxyOptions = {
    target: backend.target,
    changeOrigin: true,
    secure: true,
    configure: (proxy) => {
      proxy.on('proxyReq', (proxyReq) => {
        proxyReq.removeHeader('cookie')
        proxyReq.removeHeader('origin')
        proxyReq.removeHeader('referer')
        proxyReq.setHeader('Authorization', `Bearer ${backend.token}`)
      })
      proxy.on('proxyRes', (proxyRes) => {
        for (const name of Object.keys(proxyRes.headers)) {
          if (name.startsWith('access-control-') || name === 'set-cookie') delete proxyRes.headers[name]
        }
      })
      // Registered before Vite's own handler, which then finds the answer sent.
      proxy.on('error', (error, _req, res) => {
        if ('writeHead' in res) sendJson(res, 502, unreachable(backend, (error as NodeJS.ErrnoException).code ?? error.message))
      })
    },
  }
  return Object.fromEntries(PROXIED_PREFIXES.map((prefix) => [prefix, options]))
}

function guard(): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const url = req.url ?? '/'
    if (!isProxied(url.split('?')[0] ?? '')) return next()
    const refused = refusal({ method: req.method ?? 'GET', url, headers: req.headers })
    if (refused) return sendJson(res, refused.status, refused.body)
    next()
  }
}

/** Installs the guard in front of the proxy of both the dev and the preview server. */
export function consoleProxyGuard(): Plugin {
  return {
    name: 'serving-console-proxy-guard',
    configureServer: (server) => void server.middlewares.use(guard()),
    configurePreviewServer: (server) => void server.middlewares.use(guard()),
  }
}

/** Headers on every answer of the dev and preview servers: the CSP as a header (so frame-ancestors counts). */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  }
}

export function securityHeadersPlugin(devPolicy: string, previewPolicy: string): Plugin {
  const setting =
    (headers: Record<string, string>): Connect.NextHandleFunction =>
    (_req, res, next) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
      next()
    }
  return {
    name: 'serving-console-security-headers',
    configureServer: (server) => void server.middlewares.use(setting(securityHeaders(devPolicy))),
    configurePreviewServer: (server) => void server.middlewares.use(setting(securityHeaders(previewPolicy))),
  }
}
