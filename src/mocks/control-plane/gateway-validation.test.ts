import { describe, expect, it } from 'vitest'
import { errorOf, setup } from './test-support'

const put = (body: object) => {
  const { cp } = setup()
  return errorOf(() => cp.putAiGateway('churn-predictor', body))
}

describe('PUT ai-gateway: the whole config, each field checked', () => {
  it('refuses an unknown field at the top, in a rate limit, the inference table, usage tracking and fallbacks', () => {
    expect(put({ rate_limit: [] }).field).toBe('ai_gateway.rate_limit')
    expect(put({ rate_limits: [{ calls: 1, key: 'user', renewal_period: 'minute', window: 5 }] }).field).toBe(
      'ai_gateway.rate_limits[0].window',
    )
    expect(put({ inference_table_config: { enabled: false, catalog: 'main' } }).field).toBe(
      'ai_gateway.inference_table_config.catalog',
    )
    expect(put({ usage_tracking_config: { enabled: true, sample: 1 } }).field).toBe('ai_gateway.usage_tracking_config.sample')
    expect(put({ fallback_config: { enabled: true, to: 'x' } }).field).toBe('ai_gateway.fallback_config.to')
  })

  it('refuses a principal on an endpoint limit, and an empty principal on a group or service principal limit', () => {
    const endpoint = put({ rate_limits: [{ calls: 1, key: 'endpoint', principal: 'ada@example.com', renewal_period: 'minute' }] })
    expect([endpoint.field, endpoint.message]).toEqual([
      'ai_gateway.rate_limits[0].principal',
      'An endpoint rate limit applies to every caller: it takes no principal.',
    ])
    const group = put({ rate_limits: [{ calls: 1, key: 'user_group', principal: '  ', renewal_period: 'minute' }] })
    expect([group.field, group.message]).toEqual([
      'ai_gateway.rate_limits[0].principal',
      'A user_group rate limit needs a principal.',
    ])
  })

  it('refuses a blank invalid keyword or valid topic, naming its place', () => {
    const keyword = put({ guardrails: { input: { invalid_keywords: ['ok', ' '] } } })
    expect([keyword.field, keyword.message]).toEqual([
      'ai_gateway.guardrails.input.invalid_keywords[1]',
      'Invalid keyword 2 is empty.',
    ])
    expect(put({ guardrails: { output: { valid_topics: [''] } } }).field).toBe('ai_gateway.guardrails.output.valid_topics[0]')
  })

  it('refuses a PII behavior other than NONE, BLOCK or MASK', () => {
    const error = put({ guardrails: { input: { pii: { behavior: 'HIDE' } } } })
    expect([error.field, error.message]).toEqual([
      'ai_gateway.guardrails.input.pii.behavior',
      "Invalid PII behavior 'HIDE'. Expected one of: NONE, BLOCK, MASK.",
    ])
  })

  it('keeps calls and tokens together, with the principal, as sent', () => {
    const { cp } = setup()
    const limit = { calls: 10, tokens: 5000, key: 'service_principal', principal: 'app-123', renewal_period: 'minute' }
    expect(cp.putAiGateway('churn-predictor', { rate_limits: [limit] }).rate_limits).toEqual([limit])
  })
})
