// Typed readers for request fields: a value of the wrong type is refused with a 400 naming the field
// and the type, never coerced. Keys are read with Object.keys / Object.hasOwn only, so a `__proto__`
// key from JSON.parse (an own property) is just another key: unknown, and refused.
import { invalid } from './errors'

export type Raw = Record<string, unknown>
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)

/** 2^63 is exact as a double, unlike 2^63 - 1 (which rounds up to it): the first value past int64. */
export const INT64_LIMIT = 2 ** 63
export const INT64_MAX_TEXT = '9223372036854775807'

/** `field.key`, or `key` at the top of the body. */
export const at = (field: string, key: string) => (field === '' ? key : `${field}.${key}`)

export const mustBe = (field: string, type: string) => invalid(field, `Field '${field}' must be ${type}.`)

/** Null counts as absent, as for the real API's optional fields. */
function read(raw: Raw, key: string): unknown {
  return Object.hasOwn(raw, key) && raw[key] !== null ? raw[key] : undefined
}

export function refuseUnknown(raw: Raw, allowed: readonly string[], field: string): void {
  const unknown = Object.keys(raw).find((key) => !allowed.includes(key))
  if (unknown !== undefined) throw invalid(at(field, unknown), `Unknown field '${at(field, unknown)}'.`)
}

export function optionalString(raw: Raw, key: string, field: string): string | undefined {
  const value = read(raw, key)
  if (value !== undefined && typeof value !== 'string') throw mustBe(at(field, key), 'a string')
  return value
}

export function optionalBoolean(raw: Raw, key: string, field: string): boolean | undefined {
  const value = read(raw, key)
  if (value !== undefined && typeof value !== 'boolean') throw mustBe(at(field, key), 'a boolean')
  return value
}

export function optionalRecord(raw: Raw, key: string, field: string): Raw | undefined {
  const value = read(raw, key)
  if (value !== undefined && !isRecord(value)) throw mustBe(at(field, key), 'an object')
  return value
}

export function optionalStrings(raw: Raw, key: string, field: string): string[] | undefined {
  const value = read(raw, key)
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw mustBe(at(field, key), 'a list of strings')
  return [...(value as string[])]
}

export const isNonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
export const fitsInt64 = (v: number) => v < INT64_LIMIT

/** A non-negative int64 (counts, units, limits). */
export function optionalInt64(raw: Raw, key: string, field: string): number | undefined {
  const value = read(raw, key)
  if (value === undefined) return undefined
  if (!isNonNegativeInt(value)) throw mustBe(at(field, key), 'a non-negative integer')
  if (!fitsInt64(value)) throw invalid(at(field, key), `Field '${at(field, key)}' must be at most ${INT64_MAX_TEXT}.`)
  return value
}
