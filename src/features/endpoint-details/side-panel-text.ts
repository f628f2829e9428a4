// Plain-text readings for the side panel: the invocation URL and rate limits.
import type { AiGatewayRateLimit, ServingEndpointDetailed } from '../../api/types'

export function invocationUrl(endpoint: Pick<ServingEndpointDetailed, 'name' | 'endpoint_url'>): string {
  return endpoint.endpoint_url ?? `${window.location.origin}/serving-endpoints/${encodeURIComponent(endpoint.name)}/invocations`
}

const KEY_LABELS: Record<AiGatewayRateLimit['key'], string> = {
  user: 'per user',
  endpoint: 'for the endpoint',
  user_group: 'per user group',
  service_principal: 'per service principal',
}

export function rateLimitText(limit: AiGatewayRateLimit): string {
  const amount = [
    limit.calls !== undefined ? `${limit.calls} calls` : undefined,
    limit.tokens !== undefined ? `${limit.tokens} tokens` : undefined,
  ]
    .filter(Boolean)
    .join(' and ')
  const who = limit.principal ? `${KEY_LABELS[limit.key]} ${limit.principal}` : KEY_LABELS[limit.key]
  return `${amount || 'Unlimited'} per minute ${who}`
}
