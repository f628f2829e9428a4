// Validation of endpoint settings beside the config: tags, legacy rate limits and AI Gateway.
import type { AiGatewayConfig, AiGatewayRateLimit, EndpointTag, RateLimit } from '../../api/types'
import { invalid } from './errors'
import { isNonNegativeInt, isRecord } from './validation'

// calls and tokens are int64 on the wire: a JSON number past 2^63 - 1 does not fit.
const INT64_MAX = 2 ** 63 - 1
const TOO_LARGE = 'Rate limits must be at most 9223372036854775807.'

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
    if (r.calls > INT64_MAX) throw invalid(`${at}.calls`, TOO_LARGE)
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
  const out: AiGatewayConfig = {}
  if (isRecord(raw.usage_tracking_config)) {
    out.usage_tracking_config = { enabled: raw.usage_tracking_config.enabled === true }
  }
  if (isRecord(raw.inference_table_config)) {
    const t = raw.inference_table_config
    const enabled = t.enabled === true
    const table = { enabled } as NonNullable<AiGatewayConfig['inference_table_config']>
    for (const key of ['catalog_name', 'schema_name', 'table_name_prefix'] as const) {
      const value = t[key]
      if (typeof value === 'string' && value !== '') table[key] = value
      else if (enabled && key !== 'table_name_prefix') {
        throw invalid(`ai_gateway.inference_table_config.${key}`, `An enabled inference table needs a ${key.replace('_', ' ')}.`)
      }
    }
    out.inference_table_config = table
  }
  if (raw.rate_limits !== undefined) {
    if (!Array.isArray(raw.rate_limits)) throw invalid('ai_gateway.rate_limits', 'Rate limits must be a list.')
    out.rate_limits = raw.rate_limits.map((r, i): AiGatewayRateLimit => {
      const at = `ai_gateway.rate_limits[${i}]`
      if (!isRecord(r)) throw invalid(at, `Rate limit ${i + 1} must be an object.`)
      if (r.calls === undefined && r.tokens === undefined) {
        throw invalid(`${at}.calls`, `Rate limit ${i + 1} needs calls or tokens.`)
      }
      for (const k of ['calls', 'tokens'] as const) {
        const value = r[k]
        if (value !== undefined && !isNonNegativeInt(value)) {
          throw invalid(`${at}.${k}`, 'Rate limits must be non-negative integers.')
        }
        if (typeof value === 'number' && value > INT64_MAX) throw invalid(`${at}.${k}`, TOO_LARGE)
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
      if ((key === 'user_group' || key === 'service_principal') && typeof r.principal !== 'string') {
        throw invalid(`${at}.principal`, `A ${key} rate limit needs a principal.`)
      }
      if (typeof r.principal === 'string') limit.principal = r.principal
      return limit
    })
  }
  if (isRecord(raw.guardrails)) out.guardrails = raw.guardrails as AiGatewayConfig['guardrails']
  if (isRecord(raw.fallback_config)) out.fallback_config = { enabled: raw.fallback_config.enabled === true }
  return out
}
