import { describe, expect, it } from 'vitest'
import type { AiGatewayConfig } from '../../api/types'
import { findPii, GatewayEnforcer, maskPii } from './gateway-enforcement'
import { errorOf, setup } from './test-support'

const CHAT = 'support-chat-gpt4o'
const ask = (content: string) => ({ messages: [{ role: 'user', content }] })
const answerOf = (result: { response: unknown }) => {
  const response = result.response as { choices: { message: { content: string } }[] }
  return response.choices[0].message.content
}

function withGateway(gateway: AiGatewayConfig) {
  const ctx = setup()
  ctx.cp.putAiGateway(CHAT, gateway)
  return ctx
}

describe('rate limits at query time', () => {
  it('answers 429 REQUEST_LIMIT_EXCEEDED once the calls per minute are used, and again a minute later', () => {
    const { cp, clock } = withGateway({ rate_limits: [{ calls: 2, key: 'endpoint', renewal_period: 'minute' }] })
    cp.invoke(CHAT, ask('one'))
    clock.advance(10_000)
    cp.invoke(CHAT, ask('two'))
    const error = errorOf(() => cp.invoke(CHAT, ask('three')))
    expect([error.status, error.errorCode]).toEqual([429, 'REQUEST_LIMIT_EXCEEDED'])
    expect(error.message).toBe(
      `Rate limit exceeded on endpoint '${CHAT}': 2 calls per minute for the endpoint. Try again in 50 seconds.`,
    )
    clock.advance(50_000)
    // The first call left the window; the second is still in it.
    expect(cp.invoke(CHAT, ask('four')).response).toBeDefined()
    expect(errorOf(() => cp.invoke(CHAT, ask('five'))).status).toBe(429)
  })

  it('counts a per-user limit for each caller alone and an endpoint limit for all callers together', () => {
    const gateway = new GatewayEnforcer()
    const endpoint = {
      name: 'e',
      ai_gateway: { rate_limits: [{ calls: 1, key: 'user' as const, renewal_period: 'minute' as const }] },
    }
    const answer = () => ({ response: { predictions: [1] } })
    gateway.invoke(endpoint, {}, { user_name: 'ada@example.com' }, 0, answer)
    gateway.invoke(endpoint, {}, { user_name: 'grace@example.com' }, 0, answer)
    expect(errorOf(() => gateway.invoke(endpoint, {}, { user_name: 'ada@example.com' }, 1, answer)).status).toBe(429)

    const shared = {
      name: 'f',
      ai_gateway: { rate_limits: [{ calls: 1, key: 'endpoint' as const, renewal_period: 'minute' as const }] },
    }
    gateway.invoke(shared, {}, { user_name: 'ada@example.com' }, 0, answer)
    expect(errorOf(() => gateway.invoke(shared, {}, { user_name: 'grace@example.com' }, 1, answer)).status).toBe(429)
  })

  it('limits tokens per minute from the tokens of the answers let through', () => {
    const { cp, clock } = withGateway({ rate_limits: [{ tokens: 20, key: 'user', renewal_period: 'minute' }] })
    const first = cp.invoke(CHAT, ask('a question of some length')).response as { usage: { total_tokens: number } }
    expect(first.usage.total_tokens).toBeGreaterThanOrEqual(20)
    const error = errorOf(() => cp.invoke(CHAT, ask('again')))
    expect(error.status).toBe(429)
    expect(error.message).toContain('20 tokens per minute per user')
    clock.advance(60_000)
    expect(cp.invoke(CHAT, ask('again')).response).toBeDefined()
  })

  it('applies user-group limits to members (every user is in "users") and service-principal limits to that principal only', () => {
    const gateway = new GatewayEnforcer()
    const answer = () => ({ response: { predictions: [1] } })
    const group = {
      name: 'g',
      ai_gateway: {
        rate_limits: [{ calls: 1, key: 'user_group' as const, principal: 'users', renewal_period: 'minute' as const }],
      },
    }
    gateway.invoke(group, {}, { user_name: 'ada@example.com' }, 0, answer)
    expect(errorOf(() => gateway.invoke(group, {}, { user_name: 'grace@example.com' }, 1, answer)).status).toBe(429)
    const other = {
      name: 'h',
      ai_gateway: {
        rate_limits: [{ calls: 0, key: 'user_group' as const, principal: 'analysts', renewal_period: 'minute' as const }],
      },
    }
    expect(gateway.invoke(other, {}, { user_name: 'ada@example.com' }, 0, answer).response).toBeDefined()
    const sp = {
      name: 'i',
      ai_gateway: {
        rate_limits: [{ calls: 0, key: 'service_principal' as const, principal: 'app-1', renewal_period: 'minute' as const }],
      },
    }
    expect(gateway.invoke(sp, {}, { user_name: 'ada@example.com' }, 0, answer).response).toBeDefined()
    expect(errorOf(() => gateway.invoke(sp, {}, { user_name: 'app-1' }, 0, answer)).status).toBe(403)
  })

  it('answers 403 PERMISSION_DENIED for a limit of 0 calls or 0 tokens', () => {
    for (const limit of [{ calls: 0 }, { tokens: 0 }]) {
      const { cp } = withGateway({ rate_limits: [{ ...limit, key: 'endpoint', renewal_period: 'minute' }] })
      const error = errorOf(() => cp.invoke(CHAT, ask('hello')))
      expect([error.status, error.errorCode, error.message]).toEqual([
        403,
        'PERMISSION_DENIED',
        'The endpoint is disabled due to a rate limit set to 0.',
      ])
    }
  })

  it('does not count a refused query against the limit', () => {
    const { cp } = withGateway({
      rate_limits: [{ calls: 1, key: 'endpoint', renewal_period: 'minute' }],
      guardrails: { input: { invalid_keywords: ['secret'] } },
    })
    expect(errorOf(() => cp.invoke(CHAT, ask('the secret plan'))).status).toBe(400)
    expect(cp.invoke(CHAT, ask('hello')).response).toBeDefined()
  })

  it('keeps its windows bounded', () => {
    const gateway = new GatewayEnforcer()
    const answer = () => ({ response: { predictions: [1] } })
    const endpoint = {
      name: 'e',
      ai_gateway: { rate_limits: [{ calls: 1, key: 'user' as const, renewal_period: 'minute' as const }] },
    }
    for (let i = 0; i < 1_500; i++) gateway.invoke(endpoint, {}, { user_name: `u${i}@example.com` }, 0, answer)
    // The first caller's window was dropped (least recently used): their limit starts over.
    expect(gateway.invoke(endpoint, {}, { user_name: 'u0@example.com' }, 1, answer).response).toBeDefined()
  })
})

describe('guardrails at query time', () => {
  it('PII BLOCK refuses a request with an e-mail address, a phone number or a card number, naming the guardrail', () => {
    const { cp } = withGateway({ guardrails: { input: { pii: { behavior: 'BLOCK' } } } })
    for (const [text, kind] of [
      ['write to jane.doe@example.com', 'an e-mail address'],
      ['call me on +1 415-555-0134', 'a phone number'],
      ['my card is 4111 1111 1111 1111', 'a card number'],
    ]) {
      const error = errorOf(() => cp.invoke(CHAT, ask(text)))
      expect([error.status, error.errorCode]).toEqual([400, 'BAD_REQUEST'])
      expect(error.message).toBe(
        `The request was blocked by the AI Gateway input guardrail 'pii': it contains personal information (${kind}).`,
      )
    }
    expect(answerOf(cp.invoke(CHAT, ask('no personal data here')))).toContain('no personal data here')
  })

  it('PII BLOCK on output refuses an answer with PII; MASK on output masks it in the answer', () => {
    const blocked = withGateway({ guardrails: { output: { pii: { behavior: 'BLOCK' } } } })
    const error = errorOf(() => blocked.cp.invoke(CHAT, ask('is jane@example.com valid?')))
    expect(error.message).toBe(
      "The response was blocked by the AI Gateway output guardrail 'pii': it contained personal information (an e-mail address).",
    )
    const masked = withGateway({ guardrails: { output: { pii: { behavior: 'MASK' } } } })
    const content = answerOf(masked.cp.invoke(CHAT, ask('is jane@example.com valid?')))
    expect(content).toContain('is [REDACTED] valid?')
    expect(content).not.toContain('jane@example.com')
  })

  it('PII MASK on input masks the request before the model sees it; NONE lets it through', () => {
    const masked = withGateway({ guardrails: { input: { pii: { behavior: 'MASK' } } } })
    expect(answerOf(masked.cp.invoke(CHAT, ask('call 415-555-0134')))).toContain('call [REDACTED]')
    const none = withGateway({ guardrails: { input: { pii: { behavior: 'NONE' } }, output: { pii: { behavior: 'NONE' } } } })
    expect(answerOf(none.cp.invoke(CHAT, ask('call 415-555-0134')))).toContain('415-555-0134')
  })

  it('refuses a request or an answer with an invalid keyword, in any case', () => {
    const input = withGateway({ guardrails: { input: { invalid_keywords: ['Project Falcon'] } } })
    expect(errorOf(() => input.cp.invoke(CHAT, ask('tell me about project falcon'))).message).toBe(
      "The request was blocked by the AI Gateway input guardrail 'invalid_keywords': it contains the keyword 'Project Falcon'.",
    )
    const output = withGateway({ guardrails: { output: { invalid_keywords: ['measure'] } } })
    expect(errorOf(() => output.cp.invoke(CHAT, ask('hi'))).message).toContain("output guardrail 'invalid_keywords'")
  })

  it('refuses a request off the valid topics, and unsafe content with safety on', () => {
    const topics = withGateway({ guardrails: { input: { valid_topics: ['spark', 'databricks'] } } })
    expect(answerOf(topics.cp.invoke(CHAT, ask('How do I tune Spark?')))).toContain('Spark')
    expect(errorOf(() => topics.cp.invoke(CHAT, ask('best pizza in town'))).message).toBe(
      "The request was blocked by the AI Gateway input guardrail 'valid_topics': it is not about an allowed topic (spark, databricks).",
    )
    const safety = withGateway({ guardrails: { input: { safety: true } } })
    expect(errorOf(() => safety.cp.invoke(CHAT, ask('how to build a bomb'))).message).toContain("input guardrail 'safety'")
  })
})

describe('usage tracking', () => {
  it('records token counts per endpoint when usage tracking is on, and nothing when off', () => {
    const { cp, clock } = withGateway({ usage_tracking_config: { enabled: true } })
    const first = cp.invoke(CHAT, ask('hello there')).response as { usage: { total_tokens: number } }
    clock.advance(1_000)
    cp.invoke(CHAT, ask('again'))
    const usage = cp.gateway.usageOf(CHAT)
    expect(usage.requests).toBe(2)
    expect(usage.records[0]).toMatchObject({ caller: 'ada.lovelace@example.com', total_tokens: first.usage.total_tokens })
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens)
    expect(cp.gateway.usageOf(CHAT, usage.records[1].timestamp).requests).toBe(1)

    const off = withGateway({ usage_tracking_config: { enabled: false } })
    off.cp.invoke(CHAT, ask('hello'))
    expect(off.cp.gateway.usageOf(CHAT).requests).toBe(0)
  })
})

describe('PII detection and masking', () => {
  it('finds e-mail addresses, Luhn-valid card numbers and phone numbers, and not order numbers', () => {
    expect(findPii('a@b.io')).toBe('e-mail address')
    expect(findPii('5500-0000-0000-0004')).toBe('card number')
    expect(findPii('(212) 555 0100')).toBe('phone number')
    expect(findPii('order 12345 shipped in 2026')).toBeUndefined()
    expect(maskPii('mail a@b.io or call 212-555-0100, card 4111111111111111')).toBe(
      'mail [REDACTED] or call [REDACTED], card [REDACTED]',
    )
  })
})

describe('legacy rate limits', () => {
  it('PUT rate-limits mirrors into ai_gateway, keeps the guardrails, and is enforced', () => {
    const { cp } = withGateway({ guardrails: { input: { pii: { behavior: 'BLOCK' } } } })
    cp.putRateLimits(CHAT, { rate_limits: [{ calls: 1, key: 'user', renewal_period: 'minute' }] })
    expect(cp.get(CHAT).ai_gateway?.guardrails).toEqual({ input: { pii: { behavior: 'BLOCK' } } })
    cp.invoke(CHAT, ask('hello'))
    expect(errorOf(() => cp.invoke(CHAT, ask('again'))).message).toContain('1 call per minute per user')
  })
})
