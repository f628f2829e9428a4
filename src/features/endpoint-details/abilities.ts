// What the current user may do on an endpoint: pay-per-token endpoints are read-only, and the
// permission level gates the rest (CAN_VIEW: look; CAN_QUERY: also query; CAN_MANAGE: everything).
import type { ServingEndpointDetailed } from '../../api/types'
import { isPayPerToken } from '../../lib/endpoint-rules'

export interface Abilities {
  query: boolean
  manage: boolean
}

export function abilitiesFor(
  endpoint: Pick<ServingEndpointDetailed, 'endpoint_type' | 'permission_level'> & { name?: string },
): Abilities {
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

/** Why the actions the user cannot take are disabled; undefined when nothing is. */
export function accessNote(
  endpoint: Pick<ServingEndpointDetailed, 'endpoint_type' | 'permission_level'> & { name?: string },
): string | undefined {
  if (isPayPerToken(endpoint))
    return 'Pay-per-token endpoints are managed by Databricks: you can query them, not edit or delete them.'
  switch (endpoint.permission_level) {
    case 'CAN_VIEW':
      return 'You have view-only access to this endpoint (Can view): querying it needs Can query; editing, deleting, canceling an update and managing permissions need Can manage.'
    case 'CAN_QUERY':
      return 'You have query access to this endpoint (Can query): editing, deleting, canceling an update and managing permissions need Can manage.'
    case 'CAN_MANAGE':
      return undefined
  }
}
