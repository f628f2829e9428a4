// The metrics routes: the Databricks export (Prometheus text) and our history for the charts.
// Registered by handlers.ts through its route() and path() helpers, so faults and latency apply.
import { HttpResponse } from 'msw'
import type { ControlPlane } from './control-plane'
import { EXPOSITION_CONTENT_TYPE, exposition } from './control-plane/exposition'
import { metricsHistory } from './control-plane/metrics'

type Params = Record<string, string | readonly string[] | undefined>

interface Call {
  params: Params
  url: URL
}

const nameOf = (params: Params) => String(params.name ?? '')

/** GET routes as [pattern, handler]: handlers.ts wraps each in http.get. */
export function metricsRoutes<H>(
  cp: ControlPlane,
  route: (run: (call: Call) => unknown) => H,
  path: (pattern: string) => RegExp,
): [RegExp, H][] {
  const base = '/api/2.0/serving-endpoints'
  return [
    [
      path(`${base}/:name/metrics`),
      route(
        ({ params }) =>
          new HttpResponse(exposition(cp.metricsSource(nameOf(params))), {
            headers: { 'content-type': EXPOSITION_CONTENT_TYPE },
          }),
      ),
    ],
    [
      path(`${base}/:name/metrics-history`),
      route(({ params, url }) => metricsHistory(cp.metricsSource(nameOf(params)), url.searchParams)),
    ],
  ]
}
