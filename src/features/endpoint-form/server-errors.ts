// Where a server error belongs: ApiError.field (a wire path) → a form field, a dialog field, or the banner.
import type { Path } from 'react-hook-form'
import { gatewayFieldOf } from '../../components/ai-gateway/gateway-values'
import { PROVIDERS, fieldKey, fieldPath, fieldsFor } from '../../lib/providers'
import type { DialogValues } from './dialog-values'
import type { EndpointFormValues } from './form-schema'

export interface ErrorPlace {
  field?: Path<EndpointFormValues>
  /** For an error inside a served entity's provider config: the dialog field it belongs to. */
  dialog?: { row: number; path: Path<DialogValues> }
}

const ENTITY_FIELDS: Record<string, keyof EndpointFormValues['entities'][number]> = {
  workload_size: 'workload_size',
  workload_type: 'workload_type',
  scale_to_zero_enabled: 'scale_to_zero',
  provisioned_model_units: 'units',
}

function dialogPath(rest: string): Path<DialogValues> | undefined {
  if (rest === 'name') return 'served_name'
  if (rest === 'entity_name') return 'entity_name'
  if (rest === 'entity_version') return 'entity_version'
  if (rest === 'min_provisioned_throughput') return 'throughput_min'
  if (rest === 'max_provisioned_throughput') return 'throughput_max'
  if (rest === 'external_model.name') return 'model_name'
  if (rest === 'external_model.task') return 'task'
  if (rest === 'external_model.provider') return 'foundation'
  const entry = PROVIDERS.find((p) => rest.startsWith(`external_model.${p.configKey}.`))
  if (!entry) return undefined
  const wire = rest.slice(`external_model.${entry.configKey}.`.length).replace(/_plaintext$/, '')
  const field = entry.authVariants.flatMap((v) => fieldsFor(entry, v)).find((f) => fieldPath(f) === wire)
  if (!field) return undefined
  return field.secret ? `secrets.${fieldKey(field)}.value` : `config.${fieldKey(field)}`
}

export function placeOf(field: string | undefined, rows: number): ErrorPlace {
  if (!field) return {}
  if (field === 'name') return { field: 'name' }
  const entity = /^served_entities\[(\d+)\]\.?(.*)$/.exec(field)
  if (entity) {
    const row = Math.min(Number(entity[1]), rows - 1)
    const rest = entity[2]
    const own = ENTITY_FIELDS[rest]
    if (own) return { field: `entities.${row}.${own}` }
    const inDialog = dialogPath(rest)
    return { field: `entities.${row}.entity`, dialog: inDialog ? { row, path: inDialog } : undefined }
  }
  if (field === 'served_entities' || field === 'config') return { field: 'entities.0.entity' }
  const route = /^traffic_config\.routes\[(\d+)\]/.exec(field)
  if (route) return { field: `entities.${Math.min(Number(route[1]), rows - 1)}.traffic` }
  if (field.startsWith('traffic_config')) return { field: `entities.${rows - 1}.traffic` }
  const gateway = gatewayFieldOf(field)
  if (gateway) return { field: gateway }
  const tag = /^(?:add_)?tags\[(\d+)\]\.(key|value)$/.exec(field)
  if (tag) return { field: `tags.${Number(tag[1])}.${tag[2] === 'value' ? 'value' : 'key'}` }
  return {}
}
