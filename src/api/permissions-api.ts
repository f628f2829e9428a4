// The console's calls to the Permissions API and the model-optimization info.
import { request } from './client'
import type { AccessControlRequest, ModelOptimizationInfo, ServingEndpointPermissions } from './permissions'

const permissionsPath = (id: string) => `/api/2.0/permissions/serving-endpoints/${encodeURIComponent(id)}`

export const permissionsApi = {
  get: (id: string, signal?: AbortSignal) => request<ServingEndpointPermissions>(permissionsPath(id), { signal }),
  set: (id: string, access_control_list: AccessControlRequest[]) =>
    request<ServingEndpointPermissions>(permissionsPath(id), { method: 'PUT', body: { access_control_list } }),
  optimizationInfo: (model: string, version: string, signal?: AbortSignal) =>
    request<ModelOptimizationInfo>(
      `/api/2.0/serving-endpoints/get-model-optimization-info/${encodeURIComponent(model)}/${encodeURIComponent(version)}`,
      { signal },
    ),
}

export const permissionKeys = {
  of: (id: string) => ['permissions', id] as const,
  optimization: (model: string, version: string) => ['model-optimization', model, version] as const,
}
