// Plain request functions for every serving-endpoints route (no React).
import { endpointPath, request } from './client'
import type {
  AiGatewayConfig,
  CreateServingEndpoint,
  CurrentUser,
  EndpointCoreConfigInput,
  EventsResponse,
  ListEndpointsResponse,
  LogsResponse,
  ModelVersion,
  PatchTagsRequest,
  PatchTagsResponse,
  PutRateLimitsRequest,
  QueryRequest,
  QueryResponse,
  RegisteredModel,
  ServingEndpointDetailed,
} from './types'

const BASE = '/api/2.0/serving-endpoints'

export const servingApi = {
  list: (signal?: AbortSignal) => request<ListEndpointsResponse>(BASE, { signal }),
  get: (name: string, signal?: AbortSignal) => request<ServingEndpointDetailed>(endpointPath(name), { signal }),
  create: (body: CreateServingEndpoint) => request<ServingEndpointDetailed>(BASE, { method: 'POST', body }),
  remove: (name: string) => request<Record<string, never>>(endpointPath(name), { method: 'DELETE' }),
  updateConfig: (name: string, body: EndpointCoreConfigInput) =>
    request<ServingEndpointDetailed>(endpointPath(name, '/config'), { method: 'PUT', body }),
  /** Ours: Databricks offers cancel in its UI only, with no public route. */
  cancelUpdate: (name: string) => request<ServingEndpointDetailed>(endpointPath(name, '/config/cancel'), { method: 'POST' }),
  patchTags: (name: string, body: PatchTagsRequest) =>
    request<PatchTagsResponse>(endpointPath(name, '/tags'), { method: 'PATCH', body }),
  putRateLimits: (name: string, body: PutRateLimitsRequest) =>
    request<PutRateLimitsRequest>(endpointPath(name, '/rate-limits'), { method: 'PUT', body }),
  putAiGateway: (name: string, body: AiGatewayConfig) =>
    request<AiGatewayConfig>(endpointPath(name, '/ai-gateway'), { method: 'PUT', body }),
  events: (name: string, signal?: AbortSignal) => request<EventsResponse>(endpointPath(name, '/events'), { signal }),
  logs: (name: string, served: string, signal?: AbortSignal) =>
    request<LogsResponse>(endpointPath(name, `/served-models/${encodeURIComponent(served)}/logs`), { signal }),
  buildLogs: (name: string, served: string, signal?: AbortSignal) =>
    request<LogsResponse>(endpointPath(name, `/served-models/${encodeURIComponent(served)}/build-logs`), {
      signal,
    }),
  query: (name: string, body: QueryRequest) =>
    request<QueryResponse>(`/serving-endpoints/${encodeURIComponent(name)}/invocations`, { method: 'POST', body }),
  me: (signal?: AbortSignal) => request<CurrentUser>('/api/2.0/preview/scim/v2/Me', { signal }),
  ucModels: (signal?: AbortSignal) =>
    request<{ registered_models: RegisteredModel[] }>('/api/2.1/unity-catalog/models', { signal }),
  ucModelVersions: (fullName: string, signal?: AbortSignal) =>
    request<{ model_versions: ModelVersion[] }>(`/api/2.1/unity-catalog/models/${encodeURIComponent(fullName)}/versions`, {
      signal,
    }),
}
