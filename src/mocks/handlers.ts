// HTTP ⇄ control plane, thin: parse, call, serialise. Shared by the browser worker, msw/node and
// the HTTP mock server. Patterns start with `*` so any origin matches.
import { HttpResponse, delay, http, type HttpHandler } from 'msw'
import { ControlPlane, ControlPlaneError, faultError } from './control-plane'

type Params = Record<string, string | readonly string[] | undefined>

const param = (params: Params, key: string) => String(params[key] ?? '')

function errorResponse(error: ControlPlaneError): Response {
  return HttpResponse.json(error.toBody(), { status: error.status })
}

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new ControlPlaneError('BAD_REQUEST', 'The request body is not valid JSON.')
  }
}

interface Call {
  params: Params
  body: () => Promise<unknown>
  url: URL
}

export function createHandlers(controlPlane: ControlPlane): HttpHandler[] {
  const route =
    (run: (call: Call) => unknown | Promise<unknown>) =>
    async ({ request, params }: { request: Request; params: Params }): Promise<Response> => {
      const url = new URL(request.url)
      const { latencyMs } = controlPlane.controls.read()
      const fault = controlPlane.takeFault(request.method, url.pathname)
      // Skipping delay(0) keeps responses synchronous under a fake clock.
      if (latencyMs > 0) await delay(latencyMs)
      if (fault?.network) return HttpResponse.error()
      if (fault?.status) return errorResponse(faultError(fault.status))
      try {
        const result = await run({ params, url, body: () => readBody(request) })
        return result instanceof Response ? result : HttpResponse.json(result as Record<string, unknown>)
      } catch (error) {
        if (error instanceof ControlPlaneError) return errorResponse(error)
        const message = error instanceof Error ? error.message : String(error)
        return errorResponse(new ControlPlaneError('INTERNAL_ERROR', `The mock control plane failed: ${message}`))
      }
    }

  const cp = controlPlane
  const base = '*/api/2.0/serving-endpoints'
  return [
    http.get(base, route(() => cp.list())),
    http.post(base, route(async ({ body }) => cp.create(await body()))),
    http.get(`${base}/:name`, route(({ params }) => cp.get(param(params, 'name')))),
    http.delete(`${base}/:name`, route(({ params }) => cp.remove(param(params, 'name')))),
    http.put(`${base}/:name/config`, route(async ({ params, body }) => cp.updateConfig(param(params, 'name'), await body()))),
    http.post(`${base}/:name/config/cancel`, route(({ params }) => cp.cancelUpdate(param(params, 'name')))),
    http.patch(`${base}/:name/tags`, route(async ({ params, body }) => cp.patchTags(param(params, 'name'), await body()))),
    http.put(
      `${base}/:name/rate-limits`,
      route(async ({ params, body }) => cp.putRateLimits(param(params, 'name'), await body())),
    ),
    http.put(
      `${base}/:name/ai-gateway`,
      route(async ({ params, body }) => cp.putAiGateway(param(params, 'name'), await body())),
    ),
    http.get(`${base}/:name/events`, route(({ params }) => cp.events(param(params, 'name')))),
    http.get(
      `${base}/:name/served-models/:served/logs`,
      route(({ params }) => cp.logs(param(params, 'name'), param(params, 'served'), 'server')),
    ),
    http.get(
      `${base}/:name/served-models/:served/build-logs`,
      route(({ params }) => cp.logs(param(params, 'name'), param(params, 'served'), 'build')),
    ),
    http.post(
      '*/serving-endpoints/:name/invocations',
      route(async ({ params, body }) => {
        const { response, servedEntity } = cp.invoke(param(params, 'name'), await body())
        return HttpResponse.json(response, { headers: { 'served-model-name': servedEntity } })
      }),
    ),
    http.get('*/api/2.0/permissions/serving-endpoints/:id', route(({ params }) => cp.permissions(param(params, 'id')))),
    http.get('*/api/2.0/preview/scim/v2/Me', route(() => cp.me())),
    http.get('*/api/2.1/unity-catalog/models', route(() => cp.ucModels())),
    http.get(
      '*/api/2.1/unity-catalog/models/:fullName/versions',
      route(({ params }) => cp.ucModelVersions(param(params, 'fullName'))),
    ),
  ]
}
