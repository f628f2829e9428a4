// A served entity's name: the one the person set, else the one derived from its model (as the server would).
import { defaultServedEntityName } from '../../lib/names'
import type { EntityChoice } from './entity-schema'
import type { EntityRow } from './form-schema'

/** The name the server gives an entity sent without one: `<model>-<version>`, or the external model's name. */
export function derivedServedName(entity: EntityChoice): string {
  if (entity.kind === 'external') return defaultServedEntityName({ external_model: { name: entity.model_name } })
  return defaultServedEntityName(entity)
}

/** The served entity's name on the wire: the one set, else the derived one (which follows the model). */
export function servedName(row: Pick<EntityRow, 'entity' | 'served_name'>): string {
  if (row.served_name.trim() !== '') return row.served_name.trim()
  return row.entity ? derivedServedName(row.entity) : ''
}
