// Validation of endpoint settings beside the config: tags, legacy rate limits and AI Gateway.
import type {
  AiGatewayConfig,
  AiGatewayRateLimit,
  EndpointTag,
  GuardrailParameters,
  PiiBehavior,
  RateLimit,
} from '../../api/types'
import { invalid } from './errors'
import {
  INT64_MAX_TEXT,
  fitsInt64,
  isNonNegativeInt,
  isRecord,
  optionalBoolean,
  optionalRecord,
  optionalString,
  optionalStrings,
  refuseUnknown,
  type Raw,
} from './fields'

// calls and tokens are int64 on the wire: a JSON number past 2^63 - 1 does not fit.
const TOO_LARGE = `Rate limits must be at most ${INT64_MAX_TEXT}.`

export const TAG_KEY_MAX = 255
export const TAG_VALUE_MAX = 255

export function validateTags(raw: unknown, field: string): EndpointTag[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw invalid(field, `Field '${field}' must be a list of tags.`)
  return raw.map((t, i) => {
    if (!isRecord(t) || typeof t.key !== 'string' || t.key.trim() === '') {
      throw invalid(`${field}[${i}].key`, `Tag ${i + 1} needs a key.`)
    }
    if (t.key.length > TAG_KEY_MAX) {
      throw invalid(`${field}[${i}].key`, `Tag key must be at most ${TAG_KEY_MAX} characters.`)
    }
    const tag: EndpointTag = { key: t.key }
    if (t.value !== undefined && t.value !== null) {
      if (typeof t.value !== 'string') throw invalid(`${field}[${i}].value`, 'Tag value must be a string.')
      if (t.value.length > TAG_VALUE_MAX) {
        throw invalid(`${field}[${i}].value`, `Tag value must be at most ${TAG_VALUE_MAX} characters.`)
      }
      tag.value = t.value
    }
    return tag
  })
}

export function validateRateLimits(raw: unknown, field = 'rate_limits'): RateLimit[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw invalid(field, `Field '${field}' must be a list.`)
  return raw.map((r, i) => {
    const at = `${field}[${i}]`
    if (!isRecord(r)) throw invalid(at, `Rate limit ${i + 1} must be an object.`)
    if (!isNonNegativeInt(r.calls)) throw invalid(`${at}.calls`, 'Rate limits must be non-negative integers.')
    if (!fitsInt64(r.calls)) throw invalid(`${at}.calls`, TOO_LARGE)
    const key = r.key ?? 'endpoint'
    if (key !== 'user' && key !== 'endpoint') {
      throw invalid(`${at}.key`, `Invalid rate limit key '${String(key)}'. Expected user or endpoint.`)
    }
    if ((r.renewal_period ?? 'minute') !== 'minute') {
      throw invalid(`${at}.renewal_period`, "Invalid renewal_period: only 'minute' is supported.")
    }
    return { calls: r.calls, key, renewal_period: 'minute' }
  })
}

const GATEWAY_KEYS = ['user', 'endpoint', 'user_group', 'service_principal'] as const

export function validateAiGateway(raw: unknown): AiGatewayConfig {
  if (raw === undefined || raw === null) return {}
  if (!isRecord(raw)) throw invalid('ai_gateway', "Field 'ai_gateway' must be an object.")
  refuseUnknown(
    raw,
    ['usage_tracking_config', 'inference_table_config', 'rate_limits', 'guardrails', 'fallback_config'],
    'ai_gateway',
  )
  const out: AiGatewayConfig = {}
  const usage = optionalRecord(raw, 'usage_tracking_config', 'ai_gateway')
  if (usage) refuseUnknown(usage, ['enabled'], 'ai_gateway.usage_tracking_config')
  if (usage)
    out.usage_tracking_config = { enabled: optionalBoolean(usage, 'enabled', 'ai_gateway.usage_tracking_config') ?? false }
  const t = optionalRecord(raw, 'inference_table_config', 'ai_gateway')
  if (t) {
    const field = 'ai_gateway.inference_table_config'
    refuseUnknown(t, ['enabled', 'catalog_name', 'schema_name', 'table_name_prefix'], field)
    const enabled = optionalBoolean(t, 'enabled', field) ?? false
    const table = { enabled } as NonNullable<AiGatewayConfig['inference_table_config']>
    for (const key of ['catalog_name', 'schema_name', 'table_name_prefix'] as const) {
      const value = optionalString(t, key, field)
      if (value !== undefined && value !== '') table[key] = value
      else if (enabled && key !== 'table_name_prefix') {
        throw invalid(`${field}.${key}`, `An enabled inference table needs a ${key.replace('_', ' ')}.`)
      }
    }
    out.inference_table_config = table
  }
  if (raw.rate_limits !== undefined) {
    if (!Array.isArray(raw.rate_limits)) throw invalid('ai_gateway.rate_limits', 'Rate limits must be a list.')
    out.rate_limits = raw.rate_limits.map((r, i): AiGatewayRateLimit => {
      const at = `ai_gateway.rate_limits[${i}]`
      if (!isRecord(r)) throw invalid(at, `Rate limit ${i + 1} must be an object.`)
      refuseUnknown(r, ['calls', 'tokens', 'key', 'principal', 'renewal_period'], at)
      if (r.calls === undefined && r.tokens === undefined) {
        throw invalid(`${at}.calls`, `Rate limit ${i + 1} needs calls or tokens.`)
      }
      for (const k of ['calls', 'tokens'] as const) {
        const value = r[k]
        if (value !== undefined && !isNonNegativeInt(value)) {
          throw invalid(`${at}.${k}`, 'Rate limits must be non-negative integers.')
        }
        if (typeof value === 'number' && !fitsInt64(value)) throw invalid(`${at}.${k}`, TOO_LARGE)
      }
      const key = r.key ?? 'endpoint'
      if (!GATEWAY_KEYS.includes(key as (typeof GATEWAY_KEYS)[number])) {
        throw invalid(`${at}.key`, `Invalid rate limit key '${String(key)}'. Expected one of: ${GATEWAY_KEYS.join(', ')}.`)
      }
      if ((r.renewal_period ?? 'minute') !== 'minute') {
        throw invalid(`${at}.renewal_period`, "Invalid renewal_period: only 'minute' is supported.")
      }
      const limit: AiGatewayRateLimit = { key: key as AiGatewayRateLimit['key'], renewal_period: 'minute' }
      if (r.calls !== undefined) limit.calls = r.calls as number
      if (r.tokens !== undefined) limit.tokens = r.tokens as number
      const principal = optionalString(r, 'principal', at)?.trim()
      if (key === 'endpoint' && principal !== undefined) {
        throw invalid(`${at}.principal`, 'An endpoint rate limit applies to every caller: it takes no principal.')
      }
      if ((key === 'user_group' || key === 'service_principal') && !principal) {
        throw invalid(`${at}.principal`, `A ${key} rate limit needs a principal.`)
      }
      if (principal !== undefined) limit.principal = principal
      return limit
    })
  }
  const guardrails = optionalRecord(raw, 'guardrails', 'ai_gateway')
  if (guardrails) out.guardrails = validateGuardrails(guardrails)
  const fallback = optionalRecord(raw, 'fallback_config', 'ai_gateway')
  if (fallback) refuseUnknown(fallback, ['enabled'], 'ai_gateway.fallback_config')
  if (fallback) out.fallback_config = { enabled: optionalBoolean(fallback, 'enabled', 'ai_gateway.fallback_config') ?? false }
  return out
}

const PII_BEHAVIORS: readonly PiiBehavior[] = ['NONE', 'BLOCK', 'MASK']

/** Rebuilt field by field: guardrails used to be stored as sent, unknown keys and all. */
function validateGuardrails(raw: Raw): NonNullable<AiGatewayConfig['guardrails']> {
  refuseUnknown(raw, ['input', 'output'], 'ai_gateway.guardrails')
  const out: NonNullable<AiGatewayConfig['guardrails']> = {}
  for (const side of ['input', 'output'] as const) {
    const field = `ai_gateway.guardrails.${side}`
    const params = optionalRecord(raw, side, 'ai_gateway.guardrails')
    if (!params) continue
    refuseUnknown(params, ['safety', 'pii', 'invalid_keywords', 'valid_topics'], field)
    const parsed: GuardrailParameters = {}
    const safety = optionalBoolean(params, 'safety', field)
    if (safety !== undefined) parsed.safety = safety
    const pii = optionalRecord(params, 'pii', field)
    if (pii) {
      refuseUnknown(pii, ['behavior'], `${field}.pii`)
      const behavior = pii.behavior
      if (!PII_BEHAVIORS.includes(behavior as PiiBehavior)) {
        throw invalid(
          `${field}.pii.behavior`,
          `Invalid PII behavior '${String(behavior)}'. Expected one of: ${PII_BEHAVIORS.join(', ')}.`,
        )
      }
      parsed.pii = { behavior: behavior as PiiBehavior }
    }
    for (const key of ['invalid_keywords', 'valid_topics'] as const) {
      const list = optionalStrings(params, key, field)
      const blank = list?.findIndex((item) => item.trim() === '') ?? -1
      if (blank >= 0) {
        const what = key === 'invalid_keywords' ? 'Invalid keyword' : 'Valid topic'
        throw invalid(`${field}.${key}[${blank}]`, `${what} ${blank + 1} is empty.`)
      }
      if (list) parsed[key] = list
    }
    out[side] = parsed
  }
  return out
}
