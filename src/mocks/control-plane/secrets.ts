// Plain-text secrets are write-only: taken out of the config on the way in, kept aside, never sent out.
// An update that leaves a secret empty keeps the one stored for the same served entity (mock choice,
// so the edit form need not ask for secrets again).
import type { ProviderConfig, ServedEntityInput } from '../../api/types'
import { providerFor, type AuthVariant, type ProviderEntry, type ProviderField } from '../../lib/providers'

const given = (value: unknown) => (typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null)

/** The auth variants a config carries fields of (a variant with a group: the group's presence). */
export function variantsGiven(entry: ProviderEntry, config: ProviderConfig | undefined): AuthVariant[] {
  return entry.authVariants.filter((v) =>
    v.group
      ? given(config?.[v.group])
      : v.fields.some((f) => given(config?.[f.key]) || (f.secret === true && given(config?.[`${f.key}_plaintext`]))),
  )
}

interface SecretFields {
  entry: ProviderEntry
  config: ProviderConfig
  fields: ProviderField[]
}

function secretFields(entity: ServedEntityInput): SecretFields | undefined {
  const model = entity.external_model
  if (!model) return undefined
  const entry = providerFor(model)
  if (!entry) return undefined
  const config = (model[entry.configKey] ?? {}) as ProviderConfig
  model[entry.configKey] = config
  const fields = [...entry.fields, ...entry.authVariants.flatMap((v) => v.fields)].filter((f) => f.secret)
  return { entry, config, fields }
}

function holder(config: ProviderConfig, field: ProviderField): ProviderConfig | undefined {
  if (!field.group) return config
  const nested = config[field.group]
  return typeof nested === 'object' ? nested : undefined
}

const secretKey = (entity: string, field: ProviderField) => `${entity}/${field.group ? `${field.group}.` : ''}${field.key}`

/**
 * Puts back stored plain-text secrets that an update left empty, so validation sees them. Only for
 * the auth variant the update uses: switching Bedrock to an instance profile drops the stored keys.
 */
export function restoreSecrets(entities: (ServedEntityInput & { name: string })[], stored: Record<string, string>): void {
  for (const entity of entities) {
    const found = secretFields(entity)
    if (!found) continue
    const chosen = variantsGiven(found.entry, found.config)
    const fields =
      chosen.length === 0 ? found.fields : [...found.entry.fields, ...chosen.flatMap((v) => v.fields)].filter((f) => f.secret)
    for (const field of fields) {
      const key = secretKey(entity.name, field)
      if (stored[key] === undefined) continue
      // A custom provider's auth block left out entirely still means "keep the stored token".
      if (field.group && found.config[field.group] === undefined) found.config[field.group] = {}
      const at = holder(found.config, field)
      if (!at || at[field.key] !== undefined || at[field.key + '_plaintext'] !== undefined) continue
      at[field.key + '_plaintext'] = stored[key]
    }
  }
}
/**
 * Moves every *_plaintext value out of the entities into the returned secret map. Validation refuses a
 * _plaintext key the provider does not take; any that got past it anyway is dropped, never stored.
 */
export function takeSecrets(entities: (ServedEntityInput & { name: string })[]): Record<string, string> {
  const secrets: Record<string, string> = {}
  for (const entity of entities) {
    const found = secretFields(entity)
    for (const field of found?.fields ?? []) {
      const at = found && holder(found.config, field)
      const plain = at?.[field.key + '_plaintext']
      if (at && typeof plain === 'string') {
        secrets[secretKey(entity.name, field)] = plain
        delete at[field.key + '_plaintext']
      }
    }
    dropPlaintext(entity)
  }
  return secrets
}

function dropPlaintext(value: unknown): void {
  if (typeof value !== 'object' || value === null) return
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (key.endsWith('_plaintext')) delete record[key]
    else dropPlaintext(record[key])
  }
}

/** A copy without any *_plaintext key, at any depth: the last guard on what goes out, whatever was stored. */
export function withoutPlaintext<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutPlaintext(item)) as T
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  // fromEntries defines own properties, so a `__proto__` key stays a key and never sets the prototype.
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => !key.endsWith('_plaintext'))
      .map((key) => [key, withoutPlaintext(record[key])]),
  ) as T
}

/** What a redacted plain-text secret reads as in the request journal. */
export const REDACTED = '[REDACTED]'

/**
 * A copy with every *_plaintext value, at any depth, replaced by REDACTED: the request journal shows
 * that a secret was sent, never the secret.
 */
export function redactPlaintext<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => redactPlaintext(item)) as T
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  return Object.fromEntries(
    Object.keys(record).map((key) => [key, key.endsWith('_plaintext') ? REDACTED : redactPlaintext(record[key])]),
  ) as T
}
