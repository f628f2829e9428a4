// What the current user may do on an endpoint: pay-per-token endpoints are read-only, and the
// permission level gates the rest (CAN_VIEW: look; CAN_QUERY: also query; CAN_MANAGE: everything).
import type { ServingEndpointDetailed } from '../../api/types'

export interface Abilities {
  query: boolean
  manage: boolean
}

export function isPayPerToken(endpoint: Pick<ServingEndpointDetailed, 'endpoint_type'>): boolean {
  return endpoint.endpoint_type === 'FOUNDATION_MODEL_API'
}

export function abilitiesFor(endpoint: Pick<ServingEndpointDetailed, 'endpoint_type' | 'permission_level'>): Abilities {
  const level = endpoint.permission_level
  return {
    query: level === 'CAN_QUERY' || level === 'CAN_MANAGE',
    manage: level === 'CAN_MANAGE' && !isPayPerToken(endpoint),
  }
}

export const PERMISSION_LABELS: Record<ServingEndpointDetailed['permission_level'], string> = {
  CAN_MANAGE: 'Can manage',
  CAN_QUERY: 'Can query',
  CAN_VIEW: 'Can view',
}
