// HTTP ⇄ control plane, thin: parse, call, serialise. Shared by the browser worker, msw/node and
// the HTTP mock server. Routes match any origin, and the path case-sensitively, as Databricks does.
import { HttpResponse, delay, http, type HttpHandler } from 'msw'
import { ControlPlane, ControlPlaneError, faultError } from './control-plane'
import { parseControls } from './control-plane/controls'
import { noRoute, payloadTooLarge } from './control-plane/errors'
import { metricsRoutes } from './routes-metrics'
import { invocation, queryRoutes } from './routes-query'
import { frontHandler, mockRoutes } from './mock-routes'
import { accessRoutes } from './routes-access'

type Params = Record<string, string | readonly string[] | undefined>

const param = (params: Params, key: string) => String(params[key] ?? '')

const MiB = 1024 * 1024

/** JSON nested deeper than this is refused before it is parsed: deep values overflow whatever walks them. */
export const MAX_JSON_DEPTH = 64

/**
 * Request body bounds. Databricks documents 16 MB per model serving request; the control-plane
 * routes take small JSON documents, so they get a smaller bound.
 */
export function bodyLimit(pathname: string): { bytes: number; label: string } {
  return pathname.startsWith('/api/') ? { bytes: MiB, label: '1 MiB' } : { bytes: 16 * MiB, label: '16 MiB' }
}

export const tooLarge = (pathname: string) =>
  payloadTooLarge(`The request body is larger than ${bodyLimit(pathname).label}, the most this route accepts.`)

function errorResponse(error: ControlPlaneError): Response {
  return HttpResponse.json(error.toBody(), { status: error.status })
}

/** True once `text` opens more than `max` arrays or objects at once (strings skipped). */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** Parses a request body: empty is undefined; too deep or not JSON is a 400. */
function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new ControlPlaneError(
      'BAD_REQUEST',
      `The request body nests JSON deeper than ${MAX_JSON_DEPTH} levels, the most the mock accepts.`,
    )
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new ControlPlaneError('BAD_REQUEST', 'The request body is not valid JSON.')
  }
}

async function readBody(request: Request, pathname: string): Promise<unknown> {
  const { bytes } = bodyLimit(pathname)
  if (Number(request.headers.get('content-length')) > bytes) throw tooLarge(pathname)
  const buffer = await request.arrayBuffer()
  if (buffer.byteLength > bytes) throw tooLarge(pathname)
  return parseJsonBody(new TextDecoder().decode(buffer))
}

/**
 * What is wrong with a request path before any route sees it, or undefined: msw decodes route
 * parameters with decodeURIComponent, which throws on a malformed escape.
 */
export function pathProblem(pathname: string): ControlPlaneError | undefined {
  if (pathname.includes('//')) {
    return new ControlPlaneError('BAD_REQUEST', "The request path has an empty segment ('//').")
  }
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment)
    } catch {
      return new ControlPlaneError('BAD_REQUEST', `The request path segment '${segment}' is not valid percent-encoded UTF-8.`)
    }
  }
  return undefined
}

const ORIGIN = String.raw`^[a-zA-Z][a-zA-Z\d+.-]*://[^/]*`
/** Every path the Databricks API answers under, in any case and with any run of slashes. */
const API_NAMESPACE = new RegExp(`${ORIGIN}/+(?:api|serving-endpoints)(?:/|$)`, 'i')
/** The mock's own routes (`/__mock/...`): answered the same by the browser worker, msw/node and the HTTP server. */
const MOCK_NAMESPACE = new RegExp(`${ORIGIN}/__mock(?:/|$)`)

/** A case-sensitive route (msw's string paths match in any case); `:name` is one path segment. */
function path(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`${ORIGIN}${source}/?$`)
}

interface Call {
  params: Params
  body: () => Promise<unknown>
  url: URL
}

export interface HandlerOptions {
  /** Hears unexpected failures; the client gets INTERNAL_ERROR with a generic message only. */
  onError?: (error: unknown) => void
}

export function createHandlers(controlPlane: ControlPlane, { onError = console.error }: HandlerOptions = {}): HttpHandler[] {
  /** A route of the API; `mock: true` for the mock's own routes, which faults and latency never touch. */
  const route =
    (run: (call: Call) => unknown | Promise<unknown>, { mock = false } = {}) =>
    async ({ request, params }: { request: Request; params: Params }): Promise<Response> => {
      try {
        const url = new URL(request.url)
        if (!mock) {
          const { latencyMs } = controlPlane.controls.read()
          const fault = controlPlane.takeFault(request.method, url.pathname)
          if (fault) controlPlane.noteFault(request.method, url.pathname, fault)
          // Skipping delay(0) keeps responses synchronous under a fake clock.
          if (latencyMs > 0) await delay(latencyMs)
          if (fault?.network) return HttpResponse.error()
          if (fault?.status) return errorResponse(faultError(fault.status))
        }
        const result = await run({ params, url, body: () => readBody(request, url.pathname) })
        return result instanceof Response ? result : HttpResponse.json(result as Record<string, unknown>)
      } catch (error) {
        if (error instanceof ControlPlaneError) return errorResponse(error)
        onError(error)
        return errorResponse(
          new ControlPlaneError(
            'INTERNAL_ERROR',
            'The mock control plane failed to handle this request; its log has the details.',
          ),
        )
      }
    }

  const cp = controlPlane
  const base = '/api/2.0/serving-endpoints'
  const handlers: HttpHandler[] = [
    // First: refuse a malformed path before a route's parameter decoding throws on it.
    http.all(API_NAMESPACE, ({ request }) => {
      const problem = pathProblem(new URL(request.url).pathname)
      return problem ? errorResponse(problem) : undefined
    }),
    // The list's body is serialised and encoded once per change of the list, not per request (ControlPlane.listBytes).
    http.get(
      path(base),
      route(() => new HttpResponse(cp.listBytes(), { headers: { 'content-type': 'application/json' } })),
    ),
    http.post(
      path(base),
      route(async ({ body }) => cp.create(await body())),
    ),
    http.get(
      path(`${base}/:name`),
      route(({ params }) => cp.get(param(params, 'name'))),
    ),
    http.delete(
      path(`${base}/:name`),
      route(({ params }) => cp.remove(param(params, 'name'))),
    ),
    http.put(
      path(`${base}/:name/config`),
      route(async ({ params, body }) => cp.updateConfig(param(params, 'name'), await body())),
    ),
    http.post(
      path(`${base}/:name/config/cancel`),
      route(({ params }) => cp.cancelUpdate(param(params, 'name'))),
    ),
    http.patch(
      path(`${base}/:name/tags`),
      route(async ({ params, body }) => cp.patchTags(param(params, 'name'), await body())),
    ),
    http.put(
      path(`${base}/:name/rate-limits`),
      route(async ({ params, body }) => cp.putRateLimits(param(params, 'name'), await body())),
    ),
    http.put(
      path(`${base}/:name/ai-gateway`),
      route(async ({ params, body }) => cp.putAiGateway(param(params, 'name'), await body())),
    ),
    http.get(
      path(`${base}/:name/events`),
      route(({ params }) => cp.events(param(params, 'name'))),
    ),
    http.get(
      path(`${base}/:name/served-models/:served/logs`),
      route(({ params }) => cp.logs(param(params, 'name'), param(params, 'served'), 'server')),
    ),
    http.get(
      path(`${base}/:name/served-models/:served/build-logs`),
      route(({ params }) => cp.logs(param(params, 'name'), param(params, 'served'), 'build')),
    ),
    ...metricsRoutes(cp, route, path).map(([pattern, handler]) => http.get(pattern, handler)),
    http.post(
      path('/serving-endpoints/:name/invocations'),
      route(async ({ params, body }) => invocation(cp, param(params, 'name'), await body())),
    ),
    ...queryRoutes({ cp, route, path }),
    ...accessRoutes(cp, route, path),
    http.get(
      path('/api/2.0/preview/scim/v2/Me'),
      route(() => cp.me()),
    ),
    http.get(
      path('/api/2.1/unity-catalog/models'),
      route(() => cp.ucModels()),
    ),
    http.get(
      path('/api/2.1/unity-catalog/models/:fullName/versions'),
      route(({ params }) => cp.ucModelVersions(param(params, 'fullName'))),
    ),
    // The mock's own routes, for test suites: the controls in force, set them all at once, reset the demo data.
    http.get(
      path('/__mock/controls'),
      route(() => cp.controls.read(), { mock: true }),
    ),
    http.put(
      path('/__mock/controls'),
      route(
        async ({ body }) => {
          cp.controls.replace(parseControls(await body()))
          return cp.controls.read()
        },
        { mock: true },
      ),
    ),
    http.post(
      path('/__mock/reset'),
      route(
        () => {
          cp.reset()
          return {}
        },
        { mock: true },
      ),
    ),
    // The request journal, state, scenarios, clock and sessions (mock-routes.ts).
    ...mockRoutes(cp, route),
    // Last: any other method or path under the API answers as Databricks does, not with the app's HTML.
    http.all(API_NAMESPACE, ({ request }) => errorResponse(noRoute(request.method, new URL(request.url).pathname))),
    http.all(MOCK_NAMESPACE, ({ request }) => errorResponse(noRoute(request.method, new URL(request.url).pathname))),
  ]
  // First: X-Mock-Session to that session's own handlers; the journal of the rest.
  return [frontHandler(cp, handlers, (session) => createHandlers(session, { onError })), ...handlers]
}
