import { describe, expect, it } from 'vitest'
import type { AiGatewayConfig } from '../../api/types'
import { EMPTY_GATEWAY, gatewayFieldOf, gatewayValuesOf, splitList, toGatewayConfig, toLegacyRateLimits } from './gateway-values'

const FULL: AiGatewayConfig = {
  usage_tracking_config: { enabled: true },
  inference_table_config: { enabled: true, catalog_name: 'main', schema_name: 'logs', table_name_prefix: 'chat' },
  rate_limits: [
    { calls: 10, key: 'user', renewal_period: 'minute' },
    { calls: 100, tokens: 5000, key: 'endpoint', renewal_period: 'minute' },
    { tokens: 1000, key: 'user_group', principal: 'analysts', renewal_period: 'minute' },
    { calls: 0, key: 'service_principal', principal: 'app-1', renewal_period: 'minute' },
  ],
  guardrails: {
    input: { safety: true, pii: { behavior: 'BLOCK' }, invalid_keywords: ['falcon'], valid_topics: ['spark', 'sql'] },
    output: { pii: { behavior: 'MASK' } },
  },
  fallback_config: { enabled: true },
}

describe('gateway values', () => {
  it('reads a whole gateway config into the form and writes the same config back', () => {
    expect(toGatewayConfig(gatewayValuesOf(FULL))).toEqual(FULL)
  })

  it('writes defaults explicitly (a PUT replaces the whole gateway) and leaves out empty guardrails', () => {
    expect(toGatewayConfig(EMPTY_GATEWAY)).toEqual({
      usage_tracking_config: { enabled: false },
      inference_table_config: { enabled: false },
      rate_limits: [],
      fallback_config: { enabled: false },
    })
  })

  it('splits keywords and topics on lines and commas, trimmed, blanks dropped', () => {
    expect(splitList(' falcon \n\n secret, plan ,')).toEqual(['falcon', 'secret', 'plan'])
  })

  it('gives legacy rate limits only when every limit is calls per user or per endpoint', () => {
    const values = gatewayValuesOf({ rate_limits: FULL.rate_limits?.slice(0, 1) })
    expect(toLegacyRateLimits(values)).toEqual([{ calls: 10, key: 'user', renewal_period: 'minute' }])
    expect(toLegacyRateLimits(gatewayValuesOf(FULL))).toBeUndefined()
  })
})

describe('gatewayFieldOf', () => {
  it.each([
    ['ai_gateway.rate_limits[2].tokens', 'rate_limits.2.tokens'],
    ['ai_gateway.rate_limits[0].principal', 'rate_limits.0.principal'],
    ['ai_gateway.rate_limits[1]', 'rate_limits.1.calls'],
    ['rate_limits[3].calls', 'rate_limits.3.calls'],
    ['ai_gateway.guardrails.output.invalid_keywords[4]', 'guardrails.output.invalid_keywords'],
    ['ai_gateway.guardrails.input.pii.behavior', 'guardrails.input.pii'],
    ['ai_gateway.inference_table_config.schema_name', 'inference_table.schema'],
  ])('places %s at %s', (wire, path) => {
    expect(gatewayFieldOf(wire)).toBe(path)
  })

  it('has no field for the gateway as a whole', () => {
    expect(gatewayFieldOf('ai_gateway')).toBeUndefined()
  })
})
