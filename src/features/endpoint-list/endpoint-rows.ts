// The list's row model: what each endpoint shows, what the filter searches, and how rows are ordered.
import type { ServingEndpoint } from '../../api/types'
import { isPayPerToken, servedEntitySummary, taskLabel } from '../../lib/endpoint-rules'

export type SortKey = 'name' | '-name' | 'last_modified' | '-last_modified'
export const DEFAULT_SORT: SortKey = 'name'
export const SORT_KEYS: readonly SortKey[] = ['name', '-name', 'last_modified', '-last_modified']

export interface EndpointRow {
  endpoint: ServingEndpoint
  payPerToken: boolean
  /** One summary per served entity, e.g. "OpenAI · gpt-4o" or "main.default.churn_model · version 3". */
  entities: string[]
  task: string
  creator: string
  /** Everything the filter matches, lowercased once per endpoint version. */
  search: string
}

export type ListItem = { kind: 'group'; label: string } | { kind: 'endpoint'; row: EndpointRow }

export const PAY_PER_TOKEN_GROUP = 'Foundation Model APIs'

/** A stable React key for a list item. */
export const itemKey = (item: ListItem) => (item.kind === 'group' ? `group:${item.label}` : item.row.endpoint.name)

export function creatorLabel(endpoint: ServingEndpoint, payPerToken: boolean): string {
  return endpoint.creator ?? (payPerToken ? 'Databricks' : '—')
}

function buildRow(endpoint: ServingEndpoint): EndpointRow {
  const payPerToken = isPayPerToken(endpoint)
  const served = endpoint.config?.served_entities ?? []
  const entities = served.map((entity) => servedEntitySummary(entity))
  const task = taskLabel(endpoint.task)
  const creator = creatorLabel(endpoint, payPerToken)
  const searchable = [endpoint.name, creator, task, ...entities]
  for (const entity of served) {
    searchable.push(entity.name)
    if (entity.entity_name) searchable.push(entity.entity_name)
    if (entity.foundation_model) searchable.push(entity.foundation_model.name)
  }
  for (const tag of endpoint.tags ?? []) {
    searchable.push(tag.key)
    if (tag.value) searchable.push(tag.value, `${tag.key}:${tag.value}`)
  }
  if (payPerToken) searchable.push('pay-per-token')
  return { endpoint, payPerToken, entities, task, creator, search: searchable.join('\n').toLowerCase() }
}

// Rows keyed by endpoint object: polls keep unchanged endpoints' identity (structural sharing),
// so a refresh of 2,000 endpoints rebuilds only the rows that changed.
const rowCache = new WeakMap<ServingEndpoint, EndpointRow>()

export function toRows(endpoints: readonly ServingEndpoint[]): EndpointRow[] {
  return endpoints.map((endpoint) => {
    let row = rowCache.get(endpoint)
    if (!row) {
      row = buildRow(endpoint)
      rowCache.set(endpoint, row)
    }
    return row
  })
}

/** Every whitespace-separated term must appear somewhere in the endpoint (case-insensitive). */
export function matcher(query: string): (row: EndpointRow) => boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0) return () => true
  return (row) => terms.every((term) => row.search.includes(term))
}

const byName = (a: EndpointRow, b: EndpointRow) =>
  a.endpoint.name < b.endpoint.name ? -1 : a.endpoint.name > b.endpoint.name ? 1 : 0

function comparator(sort: SortKey): (a: EndpointRow, b: EndpointRow) => number {
  switch (sort) {
    case 'name':
      return byName
    case '-name':
      return (a, b) => byName(b, a)
    case 'last_modified':
      return (a, b) => a.endpoint.last_updated_timestamp - b.endpoint.last_updated_timestamp || byName(a, b)
    case '-last_modified':
      return (a, b) => b.endpoint.last_updated_timestamp - a.endpoint.last_updated_timestamp || byName(a, b)
  }
}

// Items keep their identity from one view to the next, so rendered rows that did not change
// are skipped while the filter narrows or widens the list.
const PAY_PER_TOKEN_ITEM: ListItem = { kind: 'group', label: PAY_PER_TOKEN_GROUP }
const itemCache = new WeakMap<EndpointRow, ListItem>()

function itemFor(row: EndpointRow): ListItem {
  let item = itemCache.get(row)
  if (!item) {
    item = { kind: 'endpoint', row }
    itemCache.set(row, item)
  }
  return item
}

export interface ListView {
  items: ListItem[]
  /** Endpoints shown (group rows not counted). */
  shown: number
}

/** Filters and sorts; pay-per-token rows come first under their group row, whatever the sort. */
export function toListView(
  rows: readonly EndpointRow[],
  { query, owner, sort }: { query: string; owner?: string; sort: SortKey },
): ListView {
  const matches = matcher(query)
  const pinned: EndpointRow[] = []
  const rest: EndpointRow[] = []
  for (const row of rows) {
    if (owner !== undefined && row.endpoint.creator !== owner) continue
    if (!matches(row)) continue
    ;(row.payPerToken ? pinned : rest).push(row)
  }
  const compare = comparator(sort)
  pinned.sort(compare)
  rest.sort(compare)
  const items: ListItem[] = []
  if (pinned.length > 0) {
    items.push(PAY_PER_TOKEN_ITEM)
    for (const row of pinned) items.push(itemFor(row))
  }
  for (const row of rest) items.push(itemFor(row))
  return { items, shown: pinned.length + rest.length }
}
