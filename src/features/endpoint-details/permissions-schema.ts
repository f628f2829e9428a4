// The Permissions dialog's form: rows of principal and level, the principal being added, and the rules
// (a principal once, the creator and inherited grants fixed, no one taking away their own Can manage).
import { PERMISSION_LEVELS, principalOf, type AccessControlRequest, type ServingEndpointPermissions } from '../../api/permissions'
import type { PermissionLevel } from '../../api/types'
import { z } from '../../lib/zod'

export type PrincipalKind = 'user' | 'group' | 'service_principal'

export const KIND_LABELS: Record<PrincipalKind, string> = {
  user: 'User',
  group: 'Group',
  service_principal: 'Service principal',
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An e-mail address is a user, an application ID (a UUID) a service principal, any other name a group. */
export function kindOf(name: string): PrincipalKind {
  if (name.includes('@')) return 'user'
  return UUID.test(name) ? 'service_principal' : 'group'
}

const level = z.enum(PERMISSION_LEVELS as [PermissionLevel, ...PermissionLevel[]])

const rowSchema = z.object({
  kind: z.enum(['user', 'group', 'service_principal']),
  name: z.string(),
  level,
  /** The creator's row: always Can manage, not removable. */
  creator: z.boolean(),
})

export type PermissionRow = z.infer<typeof rowSchema>

export const OWN_MANAGE_REASON = "You can't take away your own Can manage: you would lose the right to change these permissions."

/** Whose own Can manage the form must keep: the current user's, when a row of theirs gives it (not the creator's). */
export function ownManageRow(rows: readonly PermissionRow[], currentUser: string | undefined): number {
  if (!currentUser) return -1
  return rows.findIndex((r) => r.kind === 'user' && r.name === currentUser && !r.creator && r.level === 'CAN_MANAGE')
}

export function permissionsFormSchema(currentUser: string | undefined, keepsOwnManage: boolean) {
  return z.object({ rows: z.array(rowSchema), principal: z.string(), level }).superRefine((values, ctx) => {
    const pending = values.principal.trim()
    if (pending !== '') {
      ctx.addIssue({ code: 'custom', path: ['principal'], message: `Press Add to add ${pending}, or clear the field.` })
    }
    if (keepsOwnManage && currentUser) {
      const own = values.rows.findIndex((r) => r.kind === 'user' && r.name === currentUser)
      if (own >= 0 && values.rows[own].level !== 'CAN_MANAGE') {
        ctx.addIssue({ code: 'custom', path: ['rows', own, 'level'], message: OWN_MANAGE_REASON })
      }
    }
  })
}

export type PermissionsFormValues = z.input<ReturnType<typeof permissionsFormSchema>>

/** Why `name` cannot be added (empty, or already listed), or undefined. */
export function addProblem(name: string, rows: readonly PermissionRow[], inherited: readonly string[]): string | undefined {
  const trimmed = name.trim()
  if (trimmed === '') return 'Enter a user, group or service principal.'
  if (trimmed.length > 256) return 'A name is at most 256 characters.'
  if (rows.some((r) => r.name === trimmed && r.kind === kindOf(trimmed)) || inherited.includes(trimmed)) {
    return `${trimmed} already has a permission: change it in its row.`
  }
  return undefined
}

/** The form's rows from the API's answer: direct grants only (inherited ones are shown apart). */
export function rowsOf(permissions: ServingEndpointPermissions, creator: string | undefined): PermissionRow[] {
  return permissions.access_control_list.flatMap((entry) => {
    const principal = principalOf(entry)
    const direct = entry.all_permissions.find((p) => !p.inherited)
    if (!principal || !direct) return []
    return [
      {
        kind: principal.kind,
        name: principal.name,
        level: direct.permission_level,
        creator: principal.kind === 'user' && principal.name === creator,
      },
    ]
  })
}

/** The grants inherited from elsewhere (the admins group's, from /serving-endpoints/). */
export function inheritedOf(permissions: ServingEndpointPermissions) {
  return permissions.access_control_list.flatMap((entry) => {
    const principal = principalOf(entry)
    const inherited = entry.all_permissions.find((p) => p.inherited)
    return principal && inherited
      ? [{ ...principal, level: inherited.permission_level, from: inherited.inherited_from_object?.join(', ') ?? '' }]
      : []
  })
}

const FIELD: Record<PrincipalKind, 'user_name' | 'group_name' | 'service_principal_name'> = {
  user: 'user_name',
  group: 'group_name',
  service_principal: 'service_principal_name',
}

/** What PUT sends: every row, the creator's included (the API keeps it at Can manage). */
export function toAccessControlList(rows: readonly PermissionRow[]): AccessControlRequest[] {
  return rows.map((r) => ({ [FIELD[r.kind]]: r.name, permission_level: r.level }) as AccessControlRequest)
}
