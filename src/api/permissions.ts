// Serving-endpoint permissions (the SDK's ServingEndpointPermissions family) and the model-optimization
// info of a Unity Catalog model: their shapes on the wire, shared by the console and the mock.
import type { PermissionLevel } from './types'

export const PERMISSION_LEVELS: readonly PermissionLevel[] = ['CAN_VIEW', 'CAN_QUERY', 'CAN_MANAGE']

/** Exactly one principal field is set. */
export type Principal = { user_name: string } | { group_name: string } | { service_principal_name: string }

export type AccessControlRequest = Principal & { permission_level: PermissionLevel }

export interface ServingEndpointPermission {
  permission_level: PermissionLevel
  inherited: boolean
  inherited_from_object?: string[]
}

export interface ServingEndpointAccessControlResponse {
  user_name?: string
  group_name?: string
  service_principal_name?: string
  display_name?: string
  all_permissions: ServingEndpointPermission[]
}

export interface ServingEndpointPermissions {
  object_id: string
  object_type: string
  access_control_list: ServingEndpointAccessControlResponse[]
}

export interface ServingEndpointPermissionsDescription {
  permission_level: PermissionLevel
  description: string
}

export interface ModelOptimizationInfo {
  optimizable: boolean
  model_type?: string
  /** Tokens per second per provisioned-throughput step: min and max are multiples of it. */
  throughput_chunk_size?: number
}

/** The principal's name and which kind it is. */
export function principalOf(
  entry: Partial<Record<'user_name' | 'group_name' | 'service_principal_name', string>>,
): { kind: 'user' | 'group' | 'service_principal'; name: string } | undefined {
  if (entry.user_name !== undefined) return { kind: 'user', name: entry.user_name }
  if (entry.group_name !== undefined) return { kind: 'group', name: entry.group_name }
  if (entry.service_principal_name !== undefined) return { kind: 'service_principal', name: entry.service_principal_name }
  return undefined
}

const RANK: Record<PermissionLevel, number> = { CAN_VIEW: 1, CAN_QUERY: 2, CAN_MANAGE: 3 }

/** True when `level` is at least `needed`. */
export const atLeast = (level: PermissionLevel | undefined, needed: PermissionLevel) =>
  level !== undefined && RANK[level] >= RANK[needed]

/** The higher of two levels. */
export const higher = (a: PermissionLevel | undefined, b: PermissionLevel): PermissionLevel => (atLeast(a, b) && a ? a : b)
