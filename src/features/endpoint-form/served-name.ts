import { defaultServedEntityName } from '../../lib/names'
import type { EntityRow } from './form-schema'

/** The served entity's name on the wire: kept from the server on edit, else the server's default. */
export function servedName(row: Pick<EntityRow, 'entity' | 'served_name'>): string {
  if (row.served_name !== '') return row.served_name
  const entity = row.entity
  if (!entity) return ''
  if (entity.kind === 'external') return defaultServedEntityName({ external_model: { name: entity.model_name } })
  return defaultServedEntityName(entity)
}
