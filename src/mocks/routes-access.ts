// Routes of the Permissions API for serving endpoints and the model-optimization info; registered by
// handlers.ts with its `route` wrapper (latency, faults, error bodies) and case-sensitive `path`.
import { http, type HttpHandler } from 'msw'
import type { ControlPlane } from './control-plane'

type Params = Record<string, string | readonly string[] | undefined>
interface Call {
  params: Params
  body: () => Promise<unknown>
}
type Resolver = Parameters<typeof http.get>[1]
type Route = (run: (call: Call) => unknown) => Resolver

const param = (params: Params, key: string) => String(params[key] ?? '')

export function accessRoutes(cp: ControlPlane, route: Route, path: (pattern: string) => RegExp): HttpHandler[] {
  const permissions = '/api/2.0/permissions/serving-endpoints/:id'
  return [
    http.get(
      path(`${permissions}/permissionLevels`),
      route(({ params }) => cp.permissionLevels(param(params, 'id'))),
    ),
    http.get(
      path(permissions),
      route(({ params }) => cp.permissions(param(params, 'id'))),
    ),
    http.put(
      path(permissions),
      route(async ({ params, body }) => cp.setPermissions(param(params, 'id'), await body(), 'replace')),
    ),
    http.patch(
      path(permissions),
      route(async ({ params, body }) => cp.setPermissions(param(params, 'id'), await body(), 'merge')),
    ),
    http.get(
      path('/api/2.0/serving-endpoints/get-model-optimization-info/:model/:version'),
      route(({ params }) => cp.optimizationInfo(param(params, 'model'), param(params, 'version'))),
    ),
  ]
}
