// Mutations: each writes what the server answered into the cache and invalidates what it changed.
import { mutationOptions, type QueryClient } from '@tanstack/react-query'
import { isApiError } from './client'
import { servingApi } from './endpoints'
import { endpointKeys } from './queries'
import type {
  AiGatewayConfig,
  CreateServingEndpoint,
  EndpointCoreConfigInput,
  PatchTagsRequest,
  RateLimit,
  ServingEndpointDetailed,
} from './types'

function storeDetail(queryClient: QueryClient, endpoint: ServingEndpointDetailed) {
  queryClient.setQueryData(endpointKeys.detail(endpoint.name), endpoint)
  void queryClient.invalidateQueries({ queryKey: endpointKeys.list() })
  void queryClient.invalidateQueries({ queryKey: endpointKeys.events(endpoint.name) })
}

function patchDetail(
  queryClient: QueryClient,
  name: string,
  patch: (endpoint: ServingEndpointDetailed) => ServingEndpointDetailed,
) {
  queryClient.setQueryData<ServingEndpointDetailed>(endpointKeys.detail(name), (old) => old && patch(old))
  void queryClient.invalidateQueries({ queryKey: endpointKeys.detail(name) })
  void queryClient.invalidateQueries({ queryKey: endpointKeys.list() })
}

export const createEndpointMutation = (queryClient: QueryClient) =>
  mutationOptions({
    mutationKey: [...endpointKeys.all, 'create'],
    mutationFn: (body: CreateServingEndpoint) => servingApi.create(body),
    onSuccess: (endpoint) => storeDetail(queryClient, endpoint),
  })

export const updateConfigMutation = (queryClient: QueryClient, name: string) =>
  mutationOptions({
    mutationKey: [...endpointKeys.detail(name), 'update-config'],
    mutationFn: (config: EndpointCoreConfigInput) => servingApi.updateConfig(name, config),
    onSuccess: (endpoint) => storeDetail(queryClient, endpoint),
  })

/** Cancel shows its result at once: pending config dropped, UPDATE_CANCELED; rolled back on error. */
export const cancelUpdateMutation = (queryClient: QueryClient, name: string) =>
  mutationOptions({
    mutationKey: [...endpointKeys.detail(name), 'cancel-update'],
    mutationFn: () => servingApi.cancelUpdate(name),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: endpointKeys.detail(name) })
      const previous = queryClient.getQueryData<ServingEndpointDetailed>(endpointKeys.detail(name))
      if (previous) {
        queryClient.setQueryData<ServingEndpointDetailed>(endpointKeys.detail(name), {
          ...previous,
          pending_config: undefined,
          state: { ...previous.state, config_update: 'UPDATE_CANCELED' },
        })
      }
      return { previous }
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(endpointKeys.detail(name), context.previous)
      void queryClient.invalidateQueries({ queryKey: endpointKeys.detail(name) })
    },
    onSuccess: (endpoint) => storeDetail(queryClient, endpoint),
  })

async function isGone(name: string): Promise<boolean> {
  try {
    await servingApi.get(name)
    return false
  } catch (error) {
    return isApiError(error) && error.status === 404
  }
}

export const deleteEndpointMutation = (queryClient: QueryClient, name: string) =>
  mutationOptions({
    mutationKey: [...endpointKeys.detail(name), 'delete'],
    mutationFn: async () => {
      try {
        await servingApi.remove(name)
      } catch (error) {
        // A dropped connection may hide a delete that went through: look before calling it failed.
        if (isApiError(error) && error.isNetworkError && (await isGone(name))) return
        throw error
      }
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: endpointKeys.detail(name) })
      void queryClient.invalidateQueries({ queryKey: endpointKeys.list() })
    },
  })

export const patchTagsMutation = (queryClient: QueryClient, name: string) =>
  mutationOptions({
    mutationKey: [...endpointKeys.detail(name), 'tags'],
    mutationFn: (body: PatchTagsRequest) => servingApi.patchTags(name, body),
    onSuccess: ({ tags }) => patchDetail(queryClient, name, (e) => ({ ...e, tags })),
  })

export const putRateLimitsMutation = (queryClient: QueryClient, name: string) =>
  mutationOptions({
    mutationKey: [...endpointKeys.detail(name), 'rate-limits'],
    mutationFn: (rateLimits: RateLimit[]) => servingApi.putRateLimits(name, { rate_limits: rateLimits }),
    onSuccess: ({ rate_limits }) =>
      patchDetail(queryClient, name, (e) => ({ ...e, ai_gateway: { ...e.ai_gateway, rate_limits } })),
  })

export const putAiGatewayMutation = (queryClient: QueryClient, name: string) =>
  mutationOptions({
    mutationKey: [...endpointKeys.detail(name), 'ai-gateway'],
    mutationFn: (config: AiGatewayConfig) => servingApi.putAiGateway(name, config),
    onSuccess: (ai_gateway) => patchDetail(queryClient, name, (e) => ({ ...e, ai_gateway })),
  })
