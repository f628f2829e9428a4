// What a pending config changes compared with the active one, per served entity (by name).
import type { EndpointCoreConfigOutput, ServedEntityOutput } from '../../api/types'
import { computeText, entityText } from './served-entity-text'

export type DiffField = 'entity' | 'compute' | 'traffic'
export type EntityChange = { kind: 'added' } | { kind: 'removed' } | { kind: 'same' } | { kind: 'changed'; fields: DiffField[] }

export function trafficOf(config: Pick<EndpointCoreConfigOutput, 'traffic_config' | 'served_entities'>, name: string): number {
  const routes = config.traffic_config?.routes ?? []
  const route = routes.find((r) => r.served_entity_name === name)
  if (route) return route.traffic_percentage
  // One entity without a traffic config takes all the traffic.
  return routes.length === 0 && config.served_entities.length === 1 ? 100 : 0
}

function fieldsThatDiffer(
  before: ServedEntityOutput,
  beforeConfig: EndpointCoreConfigOutput,
  after: ServedEntityOutput,
  afterConfig: EndpointCoreConfigOutput,
): DiffField[] {
  const fields: DiffField[] = []
  if (entityText(before) !== entityText(after)) fields.push('entity')
  if (computeText(before) !== computeText(after)) fields.push('compute')
  if (trafficOf(beforeConfig, before.name) !== trafficOf(afterConfig, after.name)) fields.push('traffic')
  return fields
}

/** Changes keyed by entity name: pending entities are same/changed/added, active-only ones removed. */
export function diffConfigs(
  active: EndpointCoreConfigOutput | undefined,
  pending: EndpointCoreConfigOutput | undefined,
): Map<string, EntityChange> {
  const changes = new Map<string, EntityChange>()
  if (!active || !pending) return changes
  const activeByName = new Map(active.served_entities.map((e) => [e.name, e]))
  for (const entity of pending.served_entities) {
    const before = activeByName.get(entity.name)
    if (!before) {
      changes.set(entity.name, { kind: 'added' })
      continue
    }
    const fields = fieldsThatDiffer(before, active, entity, pending)
    changes.set(entity.name, fields.length === 0 ? { kind: 'same' } : { kind: 'changed', fields })
  }
  for (const entity of active.served_entities) {
    if (!changes.has(entity.name)) changes.set(entity.name, { kind: 'removed' })
  }
  return changes
}
