import { describe, expect, it } from 'vitest'
import { ControlPlane } from './control-plane'
import { parseState } from './saved-state'
import { STATE_KEY } from './storage'
import { createBody, custom, errorOf, setup } from './test-support'

const ADA = 'ada.lovelace@example.com'
const GRACE = 'grace.hopper@example.com'
const CI = '6f1c2a9e-4b3d-4e8a-9c7f-2d5e8b1a0c34'

function as(plane: ReturnType<typeof setup>, user_name: string, groups?: string[]) {
  plane.cp.controls.write({ caller: groups ? { user_name, groups } : { user_name } })
  return plane.cp
}

const levels = (cp: ControlPlane) => Object.fromEntries(cp.list().endpoints.map((e) => [e.name, e.permission_level]))
const idOf = (cp: ControlPlane, name: string) => cp.get(name).id ?? ''

describe('the caller control', () => {
  it('defaults to the current user: the seed reads as before', () => {
    const { cp } = setup()
    expect(cp.controls.read().caller).toEqual({ user_name: ADA })
    expect(cp.me().userName).toBe(ADA)
    expect(levels(cp)).toMatchObject({
      'churn-predictor': 'CAN_MANAGE',
      'recsys-ranker': 'CAN_MANAGE',
      'shared-embeddings': 'CAN_VIEW',
      'claude-summarizer': 'CAN_QUERY',
      'databricks-gte-large-en': 'CAN_QUERY',
    })
  })

  it('lists only what the caller may view, with the caller’s level', () => {
    const plane = setup()
    const cp = as(plane, GRACE)
    const seen = levels(cp)
    expect(seen).toMatchObject({
      'shared-embeddings': 'CAN_MANAGE',
      'support-chat-gpt4o': 'CAN_VIEW',
      'recsys-ranker': 'CAN_MANAGE',
    })
    expect(seen['churn-predictor']).toBeUndefined()
    expect(seen['claude-summarizer']).toBeUndefined()
    expect(cp.me().userName).toBe(GRACE)
  })

  it('answers 403 PERMISSION_DENIED to a get, events or query without any level', () => {
    const cp = as(setup(), GRACE)
    for (const call of [() => cp.get('churn-predictor'), () => cp.events('churn-predictor')]) {
      const error = errorOf(call)
      expect([error.status, error.errorCode]).toEqual([403, 'PERMISSION_DENIED'])
      expect(error.message).toBe(`User ${GRACE} does not have permission 'CAN_VIEW' on serving endpoint 'churn-predictor'.`)
    }
    expect(errorOf(() => cp.get('no-such-endpoint')).status).toBe(404)
  })

  it('gives a group’s level to its members, and the admins group CAN_MANAGE everywhere', () => {
    const plane = setup()
    expect(levels(as(plane, 'sam@example.com', ['support']))).toEqual({
      ...Object.fromEntries(
        plane.cp
          .list()
          .endpoints.filter((e) => e.name.startsWith('databricks-'))
          .map((e) => [e.name, 'CAN_QUERY']),
      ),
      'support-chat-gpt4o': 'CAN_QUERY',
      'shared-embeddings': 'CAN_VIEW',
    })
    const admin = levels(as(plane, 'root@example.com', ['admins']))
    expect(admin['churn-predictor']).toBe('CAN_MANAGE')
    expect(admin['claude-summarizer']).toBe('CAN_MANAGE')
    expect(admin['databricks-gte-large-en']).toBe('CAN_QUERY')
  })

  it('matches a service principal by its application ID', () => {
    const cp = as(setup(), CI)
    expect(cp.get('shared-embeddings').permission_level).toBe('CAN_QUERY')
  })

  it('CAN_VIEW can get but not query; CAN_QUERY can query', () => {
    const plane = setup()
    const cp = as(plane, GRACE)
    const error = errorOf(() => cp.invoke('support-chat-gpt4o', { messages: [{ role: 'user', content: 'hi' }] }))
    expect([error.status, error.message]).toEqual([
      403,
      `User ${GRACE} does not have permission 'CAN_QUERY' on serving endpoint 'support-chat-gpt4o'.`,
    ])
    as(plane, 'sam@example.com', ['support'])
    expect(plane.cp.invoke('support-chat-gpt4o', { messages: [{ role: 'user', content: 'hi' }] }).response).toBeDefined()
  })

  it('CAN_QUERY cannot edit, cancel, delete, tag, set the gateway or permissions', () => {
    const plane = setup()
    const id = idOf(plane.cp, 'claude-summarizer')
    const cp = as(plane, ADA)
    const calls = [
      () => cp.updateConfig('claude-summarizer', { served_entities: [custom('3')] }),
      () => cp.cancelUpdate('claude-summarizer'),
      () => cp.remove('claude-summarizer'),
      () => cp.patchTags('claude-summarizer', { add_tags: [{ key: 'a' }] }),
      () => cp.putAiGateway('claude-summarizer', {}),
      () => cp.setPermissions(id, { access_control_list: [] }, 'merge'),
    ]
    for (const call of calls) {
      const error = errorOf(call)
      expect([error.status, error.message]).toEqual([
        403,
        `User ${ADA} does not have permission 'CAN_MANAGE' on serving endpoint 'claude-summarizer'.`,
      ])
    }
  })

  it('makes the caller the creator of what they create', () => {
    const cp = as(setup(), GRACE)
    const created = cp.create(createBody('graces', [custom('3')]))
    expect([created.creator, created.permission_level]).toEqual([GRACE, 'CAN_MANAGE'])
  })

  it('names the caller in the events of what they change, and as the creator of entities they add', () => {
    const plane = setup()
    const cp = as(plane, GRACE, ['admins'])
    cp.patchTags('churn-predictor', { add_tags: [{ key: 'owner', value: 'grace' }] })
    cp.updateConfig('churn-predictor', { served_entities: [custom('5')] })
    cp.cancelUpdate('churn-predictor')
    const messages = cp.events('churn-predictor').events.map((e) => e.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        `Tags updated by ${GRACE}.`,
        expect.stringMatching(new RegExp(`^Config update to version \\d+ started by ${GRACE}\\.$`)),
        expect.stringMatching(new RegExp(`^Config update to version \\d+ canceled by ${GRACE};`)),
      ]),
    )
    // Only the seed's own creation names ada, who created the endpoint.
    expect(messages.filter((m) => m.includes(ADA))).toEqual([`Endpoint created by ${ADA}.`])
    cp.updateConfig('churn-predictor', { served_entities: [custom('5')] })
    const pending = cp.get('churn-predictor').pending_config?.served_entities[0]
    expect(pending?.creator).toBe(GRACE)
  })

  it('keys the cached list on the caller', () => {
    const plane = setup()
    const mine = plane.cp.listJson()
    as(plane, GRACE)
    expect(plane.cp.listJson()).not.toBe(mine)
    expect(JSON.parse(plane.cp.listJson())).toEqual(plane.cp.list())
    as(plane, ADA)
    expect(plane.cp.listJson()).toBe(mine)
  })

  it('lets a synthetic endpoint’s creator manage it and hides it from someone without a level', () => {
    const plane = setup({ extraEndpoints: 4 })
    const cp = as(plane, 'katherine.johnson@example.com')
    const synthetic = cp.list().endpoints.filter((e) => e.name.startsWith('synthetic-'))
    expect(synthetic.map((e) => [e.name, e.permission_level])).toEqual([['synthetic-endpoint-00004', 'CAN_MANAGE']])
  })
})

describe('the Permissions API', () => {
  it('answers the creator, the grants and the inherited admins', () => {
    const { cp } = setup()
    const id = idOf(cp, 'shared-embeddings')
    expect(cp.permissions(id)).toEqual({
      object_id: `/serving-endpoints/${id}`,
      object_type: 'serving-endpoint',
      access_control_list: [
        { user_name: GRACE, all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: false }] },
        { group_name: 'users', all_permissions: [{ permission_level: 'CAN_VIEW', inherited: false }] },
        { service_principal_name: CI, all_permissions: [{ permission_level: 'CAN_QUERY', inherited: false }] },
        {
          group_name: 'admins',
          all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: ['/serving-endpoints/'] }],
        },
      ],
    })
  })

  it('answers 404 for an unknown id and 403 to a caller without a level', () => {
    const plane = setup()
    expect(errorOf(() => plane.cp.permissions('nope')).status).toBe(404)
    const id = idOf(plane.cp, 'churn-predictor')
    expect(errorOf(() => as(plane, GRACE).permissions(id)).status).toBe(403)
  })

  it('lists the three levels with descriptions', () => {
    const { cp } = setup()
    const { permission_levels } = cp.permissionLevels(idOf(cp, 'churn-predictor'))
    expect(permission_levels.map((l) => l.permission_level)).toEqual(['CAN_VIEW', 'CAN_QUERY', 'CAN_MANAGE'])
    expect(permission_levels.every((l) => l.description.length > 0)).toBe(true)
  })

  it('PUT replaces the grants, PATCH merges them; both are kept in storage', () => {
    const plane = setup()
    const id = idOf(plane.cp, 'churn-predictor')
    plane.cp.setPermissions(id, { access_control_list: [{ group_name: 'growth', permission_level: 'CAN_QUERY' }] }, 'replace')
    plane.cp.setPermissions(id, { access_control_list: [{ user_name: GRACE, permission_level: 'CAN_VIEW' }] }, 'merge')
    const after = plane.cp.setPermissions(
      id,
      { access_control_list: [{ group_name: 'growth', permission_level: 'CAN_MANAGE' }] },
      'merge',
    )
    const second = new ControlPlane({ storage: plane.storage, clock: plane.clock })
    expect(second.permissions(id)).toEqual(after)
    expect(after.access_control_list.map((e) => [e.user_name ?? e.group_name, e.all_permissions[0].permission_level])).toEqual([
      [ADA, 'CAN_MANAGE'],
      [GRACE, 'CAN_VIEW'],
      ['growth', 'CAN_MANAGE'],
      ['admins', 'CAN_MANAGE'],
    ])
    expect(levels(as(plane, 'g@example.com', ['growth']))['churn-predictor']).toBe('CAN_MANAGE')
    plane.cp.controls.write({ caller: { user_name: ADA } })
    const replaced = plane.cp.setPermissions(id, { access_control_list: [] }, 'replace')
    expect(replaced.access_control_list.map((e) => e.user_name ?? e.group_name)).toEqual([ADA, 'admins'])
  })

  it('takes a PATCH without a body (the JS SDK sends none) as no change', () => {
    const { cp } = setup()
    const id = idOf(cp, 'support-chat-gpt4o')
    const before = cp.permissions(id)
    expect(cp.setPermissions(id, undefined, 'merge')).toEqual(before)
  })

  it.each([
    [{ access_control_list: [{ permission_level: 'CAN_VIEW' }] }, 'access_control_list[0]', 'exactly one'],
    [
      { access_control_list: [{ user_name: 'a@x', group_name: 'g', permission_level: 'CAN_VIEW' }] },
      'access_control_list[0]',
      'exactly one',
    ],
    [
      { access_control_list: [{ user_name: 'a@x', permission_level: 'CAN_EDIT' }] },
      'access_control_list[0].permission_level',
      'CAN_EDIT',
    ],
    [{ access_control_list: [{ user_name: 'a@x' }] }, 'access_control_list[0].permission_level', 'permission_level'],
    [{ access_control_list: [{ user_name: '', permission_level: 'CAN_VIEW' }] }, 'access_control_list[0].user_name', 'non-empty'],
    [{ access_control_list: [{ user: 'a@x', permission_level: 'CAN_VIEW' }] }, 'access_control_list[0].user', "'user'"],
    [{ access_control_list: {} }, 'access_control_list', 'list'],
    [{ acl: [] }, 'acl', "'acl'"],
    ['x', 'body', 'JSON object'],
  ])('refuses %j naming %s', (body, field, words) => {
    const { cp } = setup()
    const error = errorOf(() => cp.setPermissions(idOf(cp, 'churn-predictor'), body, 'replace'))
    expect([error.status, error.errorCode, error.field]).toEqual([400, 'INVALID_PARAMETER_VALUE', field])
    expect(error.message).toContain(words)
  })

  it('keeps CAN_MANAGE for the creator and the admins', () => {
    const { cp } = setup()
    const id = idOf(cp, 'recsys-ranker')
    const creator = errorOf(() =>
      cp.setPermissions(id, { access_control_list: [{ user_name: GRACE, permission_level: 'CAN_VIEW' }] }, 'merge'),
    )
    expect([creator.field, creator.message]).toEqual([
      'access_control_list[0].permission_level',
      `${GRACE} created the endpoint and keeps CAN_MANAGE on it.`,
    ])
    const admins = errorOf(() =>
      cp.setPermissions(id, { access_control_list: [{ group_name: 'admins', permission_level: 'CAN_QUERY' }] }, 'merge'),
    )
    expect(admins.message).toBe('The admins group keeps CAN_MANAGE on every serving endpoint.')
  })

  it('refuses a change that takes the caller’s own CAN_MANAGE away', () => {
    const { cp } = setup()
    const id = idOf(cp, 'recsys-ranker')
    const error = errorOf(() => cp.setPermissions(id, { access_control_list: [] }, 'replace'))
    expect([error.status, error.field]).toEqual([400, 'access_control_list'])
    expect(error.message).toContain(`away from ${ADA}`)
    expect(cp.get('recsys-ranker').permission_level).toBe('CAN_MANAGE')
  })

  it('refuses changes to pay-per-token endpoints', () => {
    const { cp } = setup()
    const error = errorOf(() => cp.setPermissions(idOf(cp, 'databricks-gte-large-en'), { access_control_list: [] }, 'replace'))
    expect(error.status).toBe(403)
  })
})

describe('saved state', () => {
  it('reads a state saved before ACLs: the stored level is the current user’s', () => {
    const plane = setup()
    plane.cp.list()
    const saved = JSON.parse(plane.storage.getItem(STATE_KEY) ?? '{}') as { endpoints: Record<string, unknown>[] }
    for (const endpoint of saved.endpoints) delete endpoint.acl
    const storage = plane.storage
    storage.setItem(STATE_KEY, JSON.stringify(saved))
    const old = new ControlPlane({ storage, clock: plane.clock })
    expect(levels(old)).toMatchObject({
      'shared-embeddings': 'CAN_VIEW',
      'claude-summarizer': 'CAN_QUERY',
      'churn-predictor': 'CAN_MANAGE',
      'databricks-gte-large-en': 'CAN_QUERY',
    })
  })

  it.each([
    ['{}', 'is an object, not a list'],
    ['[{"permission_level":"CAN_VIEW"}]', 'names no single principal'],
    ['[{"user_name":"a","permission_level":"OWNER"}]', 'permission_level is not a permission level'],
  ])('reports an acl of %s as damaged', (acl, problem) => {
    const text = `{"version":1,"seeded_at":0,"endpoints":[{"name":"x","creation_timestamp":0,"last_updated_timestamp":0,"tags":[],"events":[],"acl":${acl}}]}`
    expect(() => parseState(text, 'here')).toThrow(problem)
  })
})

describe('provisioned throughput on a fine-tuned catalog model', () => {
  const llama = (extra: Record<string, unknown>) => ({
    entity_name: 'main.finetune.llama_3_1_8b_support',
    entity_version: '2',
    ...extra,
  })

  it('serves it in steps of its chunk', () => {
    const { cp } = setup()
    const created = cp.create(createBody('ft', [llama({ min_provisioned_throughput: 0, max_provisioned_throughput: 1960 })]))
    expect(created.pending_config?.served_entities[0]).toMatchObject({ max_provisioned_throughput: 1960 })
  })

  it.each([
    [{ min_provisioned_throughput: 0, max_provisioned_throughput: 1000 }, 'max_provisioned_throughput', 'multiple of 980'],
    [{ min_provisioned_throughput: 500, max_provisioned_throughput: 980 }, 'min_provisioned_throughput', 'multiple of 980'],
    [{ min_provisioned_throughput: 1960, max_provisioned_throughput: 980 }, 'min_provisioned_throughput', 'must not exceed'],
    [{ max_provisioned_throughput: 0 }, 'max_provisioned_throughput', 'at least 980'],
  ])('refuses %j at the field', (extra, key, words) => {
    const { cp } = setup()
    const error = errorOf(() => cp.create(createBody('ft', [llama(extra)])))
    expect([error.status, error.field]).toEqual([400, `served_entities[0].${key}`])
    expect(error.message).toContain(words)
  })

  it('refuses provisioned throughput on a catalog model that is not an LLM', () => {
    const { cp } = setup()
    const error = errorOf(() =>
      cp.create(createBody('pt', [custom('3', { workload_size: undefined, max_provisioned_throughput: 980 })])),
    )
    expect(error.field).toBe('served_entities[0].max_provisioned_throughput')
    expect(error.message).toContain('not an optimizable LLM')
  })
})
