import { describe, expect, it } from 'vitest'
import type { ServingEndpointPermissions } from '../../api/permissions'
import {
  OWN_MANAGE_REASON,
  addProblem,
  inheritedOf,
  kindOf,
  ownManageRow,
  permissionsFormSchema,
  rowsOf,
  toAccessControlList,
  type PermissionRow,
} from './permissions-schema'

const ADA = 'ada.lovelace@example.com'
const GRACE = 'grace.hopper@example.com'

const answer: ServingEndpointPermissions = {
  object_id: '/serving-endpoints/abc',
  object_type: 'serving-endpoint',
  access_control_list: [
    { user_name: GRACE, all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: false }] },
    { user_name: ADA, all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: false }] },
    { group_name: 'support', all_permissions: [{ permission_level: 'CAN_QUERY', inherited: false }] },
    {
      group_name: 'admins',
      all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: ['/serving-endpoints/'] }],
    },
  ],
}

const rows = rowsOf(answer, GRACE)

describe('permissions form', () => {
  it('tells users, groups and service principals apart by their names', () => {
    expect(kindOf(ADA)).toBe('user')
    expect(kindOf('6f1c2a9e-4b3d-4e8a-9c7f-2d5e8b1a0c34')).toBe('service_principal')
    expect(kindOf('data-scientists')).toBe('group')
  })

  it('reads direct grants as rows (the creator marked) and inherited ones apart', () => {
    expect(rows).toEqual([
      { kind: 'user', name: GRACE, level: 'CAN_MANAGE', creator: true },
      { kind: 'user', name: ADA, level: 'CAN_MANAGE', creator: false },
      { kind: 'group', name: 'support', level: 'CAN_QUERY', creator: false },
    ])
    expect(inheritedOf(answer)).toEqual([{ kind: 'group', name: 'admins', level: 'CAN_MANAGE', from: '/serving-endpoints/' }])
  })

  it('sends one principal field per row', () => {
    expect(toAccessControlList(rows.slice(1))).toEqual([
      { user_name: ADA, permission_level: 'CAN_MANAGE' },
      { group_name: 'support', permission_level: 'CAN_QUERY' },
    ])
    expect(toAccessControlList([{ kind: 'service_principal', name: 'x', level: 'CAN_VIEW', creator: false }])).toEqual([
      { service_principal_name: 'x', permission_level: 'CAN_VIEW' },
    ])
  })

  it('refuses to add an empty name or one already listed', () => {
    expect(addProblem('  ', rows, [])).toBe('Enter a user, group or service principal.')
    expect(addProblem('support', rows, [])).toBe('support already has a permission: change it in its row.')
    expect(addProblem('admins', rows, ['admins'])).toBe('admins already has a permission: change it in its row.')
    expect(addProblem('x'.repeat(257), rows, [])).toBe('A name is at most 256 characters.')
    expect(addProblem('growth', rows, [])).toBeUndefined()
  })

  it('finds the current user’s own Can manage, unless they are the creator', () => {
    expect(ownManageRow(rows, ADA)).toBe(1)
    expect(ownManageRow(rows, GRACE)).toBe(-1)
    expect(ownManageRow(rows, undefined)).toBe(-1)
  })

  it('refuses to lower the current user’s own Can manage, at their row', () => {
    const lowered: PermissionRow[] = rows.map((r) => (r.name === ADA ? { ...r, level: 'CAN_VIEW' } : r))
    const result = permissionsFormSchema(ADA, true).safeParse({ rows: lowered, principal: '', level: 'CAN_VIEW' })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['rows.1.level', OWN_MANAGE_REASON]])
    expect(permissionsFormSchema(ADA, true).safeParse({ rows, principal: '', level: 'CAN_VIEW' }).success).toBe(true)
  })

  it('asks to Add a typed principal before saving', () => {
    const result = permissionsFormSchema(ADA, false).safeParse({ rows, principal: ' growth ', level: 'CAN_VIEW' })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['principal', 'Press Add to add growth, or clear the field.'],
    ])
  })
})
