// What a chosen entity will send, on its card: so the settings can be checked before Create without
// reopening the dialog. Secrets show their reference, never a plain-text value.
import { ptModelFor } from '../../lib/foundation-models'
import { TASK_LABELS } from '../../lib/provider-labels'
import { fieldKey, fieldsFor, providerById, variantById } from '../../lib/providers'
import type { EntityChoice, SecretValue } from './entity-schema'
import styles from './entity-details.module.css'

type Row = readonly [term: string, detail: string]

function secretText(secret: SecretValue | undefined): string | undefined {
  const value = secret?.value.trim() ?? ''
  if (secret?.mode === 'plaintext') {
    if (value !== '') return 'Plain-text value (hidden)'
    return secret.stored ? 'Stored plain-text value (hidden)' : undefined
  }
  return value === '' ? undefined : value
}

/** The rows the card lists for an entity, registry-driven for external models. */
function entityDetailRows(entity: EntityChoice): Row[] {
  switch (entity.kind) {
    case 'uc': {
      const rows: Row[] = [
        ['Model', entity.entity_name],
        ['Version', entity.entity_version],
      ]
      if (entity.throughput) {
        const { min, max } = entity.throughput
        rows.push(['Provisioned throughput', `${min.toLocaleString('en-US')}–${max.toLocaleString('en-US')} tokens/s`])
      }
      return rows
    }
    case 'pt':
      return [
        ['Model', ptModelFor(entity.entity_name)?.display_name ?? entity.entity_name],
        ['Unity Catalog name', `${entity.entity_name} (version ${entity.entity_version})`],
      ]
    case 'external': {
      const entry = providerById(entity.provider)
      if (!entry) return [['Provider', entity.provider]]
      const variant = variantById(entry, entity.auth)
      const rows: Row[] = [
        ['Provider', entry.label],
        ['Task', TASK_LABELS[entity.task]],
        ['Model', entity.model_name],
      ]
      if (entry.authVariants.length > 1) rows.push(['Authentication', variant.label])
      for (const field of fieldsFor(entry, variant)) {
        const key = fieldKey(field)
        const detail = field.secret ? secretText(entity.secrets[key]) : entity.config[key]?.trim()
        if (detail) rows.push([field.label, field.options?.find((o) => o.value === detail)?.label ?? detail])
      }
      return rows
    }
  }
}

export function EntityDetails({ entity, servedName, named }: { entity: EntityChoice; servedName: string; named: boolean }) {
  const rows: Row[] = [['Served entity name', named ? servedName : `${servedName} (from the model)`], ...entityDetailRows(entity)]
  return (
    <dl className={styles.entityDetails}>
      {rows.map(([term, detail]) => (
        <div key={term} className={styles.entityDetail}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  )
}
