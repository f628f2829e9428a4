// A provider config's shape, from the registry: the keys it may carry, each a string (or, for a
// custom provider's auth block, an object of strings), and the values a fixed key such as
// openai_api_type takes. Anything else is refused, so no stray *_plaintext is ever stored or sent back.
import type { ProviderConfig } from '../../api/types'
import { PROVIDERS, type ProviderEntry } from '../../lib/providers'
import { invalid } from './errors'
import { at, isRecord, mustBe, refuseUnknown, type Raw } from './fields'

interface Shape {
  keys: string[]
  /** Nested auth blocks and the keys each may carry. */
  groups: Map<string, string[]>
  /** Keys with a fixed set of values. */
  values: Map<string, string[]>
}

const adding = (list: string[] | undefined, ...more: string[]) => [...new Set([...(list ?? []), ...more])]

function shapeOf(entry: ProviderEntry): Shape {
  let keys: string[] = []
  const groups = new Map<string, string[]>()
  const values = new Map<string, string[]>()
  for (const variant of entry.authVariants) {
    for (const [key, value] of Object.entries(variant.fixed ?? {})) values.set(key, adding(values.get(key), value))
  }
  for (const [key, accepted] of Object.entries(entry.accepts ?? {})) values.set(key, adding(values.get(key), ...accepted))
  keys = adding(keys, ...values.keys())
  for (const field of [...entry.fields, ...entry.authVariants.flatMap((v) => v.fields)]) {
    const names = field.secret ? [field.key, `${field.key}_plaintext`] : [field.key]
    if (field.group) {
      groups.set(field.group, adding(groups.get(field.group), ...names))
      keys = adding(keys, field.group)
    } else {
      keys = adding(keys, ...names)
    }
  }
  return { keys, groups, values }
}

/** Every value a fixed key takes across the entries sharing an API provider (OpenAI and Azure OpenAI). */
function knownValues(entry: ProviderEntry, key: string): string[] {
  return adding(
    [],
    ...PROVIDERS.filter((p) => p.provider === entry.provider).flatMap((p) => [
      ...(p.accepts?.[key] ?? []),
      ...p.authVariants.flatMap((v) => (v.fixed?.[key] !== undefined ? [v.fixed[key]] : [])),
    ]),
  )
}

function strings(raw: Raw, field: string): ProviderConfig {
  const out: ProviderConfig = {}
  for (const key of Object.keys(raw)) {
    const value = raw[key]
    if (value === null) continue
    if (typeof value !== 'string') throw mustBe(at(field, key), 'a string')
    out[key] = value
  }
  return out
}

/** A copy of the config holding only the keys its provider takes; null values count as absent. */
export function validateProviderConfig(entry: ProviderEntry, raw: unknown, field: string): ProviderConfig | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isRecord(raw)) throw invalid(field, `Field '${field}' must be an object.`)
  const shape = shapeOf(entry)
  refuseUnknown(raw, shape.keys, field)
  const out: ProviderConfig = {}
  for (const key of Object.keys(raw)) {
    const value = raw[key]
    if (value === null) continue
    const group = shape.groups.get(key)
    if (group) {
      if (!isRecord(value)) throw mustBe(at(field, key), 'an object')
      refuseUnknown(value, group, at(field, key))
      out[key] = strings(value, at(field, key))
      continue
    }
    if (typeof value !== 'string') throw mustBe(at(field, key), 'a string')
    const accepted = shape.values.get(key)
    if (accepted && !accepted.includes(value)) {
      throw invalid(at(field, key), `Invalid ${key} '${value}'. Expected one of: ${knownValues(entry, key).join(', ')}.`)
    }
    out[key] = value
  }
  return out
}
