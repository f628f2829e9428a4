// Who may do what on an endpoint: its access control list (stored with it), the caller chosen by the
// `caller` mock control, and the Permissions API's answers. The creator keeps CAN_MANAGE, the
// `admins` group inherits CAN_MANAGE from /serving-endpoints/, every user is in `users`.
import {
  PERMISSION_LEVELS,
  atLeast,
  higher,
  principalOf,
  type AccessControlRequest,
  type ServingEndpointAccessControlResponse,
  type ServingEndpointPermissions,
  type ServingEndpointPermissionsDescription,
} from '../../api/permissions'
import type { PermissionLevel } from '../../api/types'
import { ControlPlaneError, invalid } from './errors'
import type { StoredEndpoint } from './model'
import { CURRENT_USER } from './seed'

export interface Caller {
  user_name: string
  groups?: string[]
}

export const DEFAULT_CALLER: Caller = { user_name: CURRENT_USER }

export const ADMINS = 'admins'
export const ALL_USERS = 'users'
const ROOT = '/serving-endpoints/'

const PRINCIPAL_KEYS = ['user_name', 'group_name', 'service_principal_name'] as const

/** An endpoint's grants. Endpoints saved before ACLs existed had one level, for the default user. */
export function aclOf(endpoint: StoredEndpoint): AccessControlRequest[] {
  if (endpoint.acl) return endpoint.acl
  if (endpoint.system) return [{ group_name: ALL_USERS, permission_level: 'CAN_QUERY' }]
  return endpoint.creator === CURRENT_USER ? [] : [{ user_name: CURRENT_USER, permission_level: endpoint.permission_level }]
}

/** The caller's groups: every workspace user is in `users` (Databricks' default group). */
export const groupsOf = (caller: Caller) => [ALL_USERS, ...(caller.groups ?? [])]

/** The caller's level on the endpoint, or undefined for none. */
export function levelOf(endpoint: StoredEndpoint, caller: Caller): PermissionLevel | undefined {
  const groups = groupsOf(caller)
  if (!endpoint.system && (endpoint.creator === caller.user_name || groups.includes(ADMINS))) return 'CAN_MANAGE'
  let level: PermissionLevel | undefined
  for (const entry of aclOf(endpoint)) {
    const applies =
      ('user_name' in entry && entry.user_name === caller.user_name) ||
      ('service_principal_name' in entry && entry.service_principal_name === caller.user_name) ||
      ('group_name' in entry && groups.includes(entry.group_name))
    if (applies) level = higher(level, entry.permission_level)
  }
  return level
}

export function denied(caller: Caller, needed: PermissionLevel, name: string): ControlPlaneError {
  return new ControlPlaneError(
    'PERMISSION_DENIED',
    `User ${caller.user_name} does not have permission '${needed}' on serving endpoint '${name}'.`,
  )
}

/** The caller's level, refusing with 403 PERMISSION_DENIED below `needed`. */
export function requireLevel(endpoint: StoredEndpoint, caller: Caller, needed: PermissionLevel): PermissionLevel {
  const level = levelOf(endpoint, caller)
  if (!atLeast(level, needed)) throw denied(caller, needed, endpoint.name)
  return level as PermissionLevel
}

const keyOf = (entry: AccessControlRequest) => {
  const principal = principalOf(entry)
  return principal ? `${principal.kind}:${principal.name}` : ''
}

/** The Permissions API's answer: the creator, the direct grants, and the inherited admins. */
export function permissionsOf(endpoint: StoredEndpoint): ServingEndpointPermissions {
  const rows = new Map<string, ServingEndpointAccessControlResponse>()
  const add = (entry: AccessControlRequest) => {
    const key = keyOf(entry)
    const { permission_level, ...principal } = entry
    const row = rows.get(key) ?? { ...principal, all_permissions: [] }
    const direct = row.all_permissions.find((p) => !p.inherited)
    if (direct) direct.permission_level = higher(direct.permission_level, permission_level)
    else row.all_permissions.push({ permission_level, inherited: false })
    rows.set(key, row)
  }
  if (!endpoint.system) add({ user_name: endpoint.creator, permission_level: 'CAN_MANAGE' })
  for (const entry of aclOf(endpoint)) add(entry)
  const admins = rows.get(`group:${ADMINS}`) ?? { group_name: ADMINS, all_permissions: [] }
  admins.all_permissions.push({ permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: [ROOT] })
  rows.delete(`group:${ADMINS}`)
  rows.set(`group:${ADMINS}`, admins)
  return {
    object_id: `/serving-endpoints/${endpoint.id}`,
    object_type: 'serving-endpoint',
    access_control_list: [...rows.values()],
  }
}

const DESCRIPTIONS: Record<PermissionLevel, string> = {
  CAN_VIEW: 'Can view the endpoint: its configuration, state, events and logs.',
  CAN_QUERY: 'Can view and query the endpoint.',
  CAN_MANAGE: 'Can view, query, edit and delete the endpoint, and manage its permissions.',
}

export function permissionLevels(): { permission_levels: ServingEndpointPermissionsDescription[] } {
  return { permission_levels: PERMISSION_LEVELS.map((level) => ({ permission_level: level, description: DESCRIPTIONS[level] })) }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A PUT or PATCH body: `{ access_control_list: [{ <one principal>, permission_level }] }`, checked field by field. */
export function parseAclRequest(body: unknown): AccessControlRequest[] {
  if (body === undefined) return []
  if (!isRecord(body)) throw invalid('body', 'The request body must be a JSON object with an access_control_list.')
  for (const key of Object.keys(body)) {
    if (key !== 'access_control_list') throw invalid(key, `Unknown field '${key}': the body takes access_control_list only.`)
  }
  const list = body.access_control_list ?? []
  if (!Array.isArray(list)) throw invalid('access_control_list', "Field 'access_control_list' must be a list.")
  return list.map((raw: unknown, i) => {
    const at = `access_control_list[${i}]`
    if (!isRecord(raw)) throw invalid(at, `${at} must be an object with a principal and a permission_level.`)
    for (const key of Object.keys(raw)) {
      if (key !== 'permission_level' && !(PRINCIPAL_KEYS as readonly string[]).includes(key)) {
        throw invalid(
          `${at}.${key}`,
          `Unknown field '${key}' in ${at}: it takes user_name, group_name or service_principal_name, and permission_level.`,
        )
      }
    }
    const given = PRINCIPAL_KEYS.filter((k) => raw[k] !== undefined)
    if (given.length !== 1) {
      throw invalid(
        at,
        `${at} must name exactly one of user_name, group_name or service_principal_name (it names ${given.length}).`,
      )
    }
    const key = given[0]
    const name = raw[key]
    if (typeof name !== 'string' || name.trim() === '') throw invalid(`${at}.${key}`, `${at}.${key} must be a non-empty string.`)
    const level = raw.permission_level
    if (!PERMISSION_LEVELS.includes(level as PermissionLevel)) {
      throw invalid(
        `${at}.permission_level`,
        `Invalid permission_level '${String(level)}' in ${at}. Expected one of: ${PERMISSION_LEVELS.join(', ')}.`,
      )
    }
    return { [key]: name, permission_level: level } as AccessControlRequest
  })
}

/**
 * The endpoint's grants after a PUT (replace) or PATCH (merge by principal). The creator and the
 * admins keep CAN_MANAGE, and the caller may not take away their own.
 */
export function changeAcl(
  endpoint: StoredEndpoint,
  entries: AccessControlRequest[],
  mode: 'replace' | 'merge',
  caller: Caller,
): AccessControlRequest[] {
  entries.forEach((entry, i) => {
    if (entry.permission_level === 'CAN_MANAGE') return
    const at = `access_control_list[${i}].permission_level`
    if ('user_name' in entry && entry.user_name === endpoint.creator) {
      throw invalid(at, `${entry.user_name} created the endpoint and keeps CAN_MANAGE on it.`)
    }
    if ('group_name' in entry && entry.group_name === ADMINS) {
      throw invalid(at, 'The admins group keeps CAN_MANAGE on every serving endpoint.')
    }
  })
  const byKey = new Map<string, AccessControlRequest>(mode === 'merge' ? aclOf(endpoint).map((e) => [keyOf(e), e]) : [])
  for (const entry of entries) {
    byKey.delete(keyOf(entry))
    byKey.set(keyOf(entry), entry)
  }
  // The creator's CAN_MANAGE is implied, not stored.
  const acl = [...byKey.values()].filter((e) => !('user_name' in e && e.user_name === endpoint.creator))
  if (!atLeast(levelOf({ ...endpoint, acl }, caller), 'CAN_MANAGE')) {
    throw invalid(
      'access_control_list',
      `This change would take CAN_MANAGE on serving endpoint '${endpoint.name}' away from ${caller.user_name}, who makes it: ask another manager to do it.`,
    )
  }
  return acl
}
