import { describe, expect, it } from 'vitest'
import type { ServingEndpoint } from '../../api/types'
import { toListView, toRows } from './endpoint-rows'

const endpoint = (name: string, extra: Partial<ServingEndpoint> = {}): ServingEndpoint => ({
  name,
  creation_timestamp: 0,
  last_updated_timestamp: 0,
  state: { ready: 'READY', config_update: 'NOT_UPDATING' },
  ...extra,
})

const names = (view: ReturnType<typeof toListView>) =>
  view.items.map((item) => (item.kind === 'group' ? `[${item.label}]` : item.row.endpoint.name))

describe('row model', () => {
  it('rebuilds only the rows whose endpoint object changed', () => {
    const a = endpoint('a')
    const b = endpoint('b')
    const [rowA, rowB] = toRows([a, b])
    const [againA, newB] = toRows([a, { ...b }])
    expect(againA).toBe(rowA)
    expect(newB).not.toBe(rowB)
  })
})

describe('list view', () => {
  const rows = toRows([
    endpoint('zeta', { last_updated_timestamp: 3, creator: 'ada@example.com', tags: [{ key: 'team', value: 'Risk' }] }),
    endpoint('alpha', { last_updated_timestamp: 1, creator: 'grace@example.com' }),
    endpoint('databricks-b', { last_updated_timestamp: 2, endpoint_type: 'FOUNDATION_MODEL_API' }),
    endpoint('databricks-a', { last_updated_timestamp: 9, endpoint_type: 'FOUNDATION_MODEL_API' }),
  ])

  it('pins pay-per-token rows first under their group, whatever the sort', () => {
    expect(names(toListView(rows, { query: '', sort: 'name' }))).toEqual([
      '[Foundation Model APIs]',
      'databricks-a',
      'databricks-b',
      'alpha',
      'zeta',
    ])
    expect(names(toListView(rows, { query: '', sort: '-last_modified' }))).toEqual([
      '[Foundation Model APIs]',
      'databricks-a',
      'databricks-b',
      'zeta',
      'alpha',
    ])
  })

  it('matches every term, case-insensitively, against tags and creators too', () => {
    expect(names(toListView(rows, { query: 'RISK', sort: 'name' }))).toEqual(['zeta'])
    expect(names(toListView(rows, { query: 'team:risk', sort: 'name' }))).toEqual(['zeta'])
    expect(names(toListView(rows, { query: 'grace alpha', sort: 'name' }))).toEqual(['alpha'])
    expect(names(toListView(rows, { query: 'grace zeta', sort: 'name' }))).toEqual([])
    expect(toListView(rows, { query: '  ', sort: 'name' }).shown).toBe(4)
  })

  it('keeps only the owner’s endpoints, which never include pay-per-token ones', () => {
    expect(names(toListView(rows, { query: '', owner: 'ada@example.com', sort: 'name' }))).toEqual(['zeta'])
  })
})
