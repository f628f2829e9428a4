// Plain-text secrets are write-only, whatever shape or place a request puts them in: each case either
// is refused with a 400 naming the field, or is accepted without the value ever coming back.
import { describe, expect, it } from 'vitest'
import { ControlPlaneError } from './errors'
import { STATE_KEY } from './storage'
import { UPDATE_MS, createBody, createReady, errorOf, setup } from './test-support'

const SECRET = 'sk-live-DO-NOT-LEAK-4242'
const NUMBER = 987_654_321_987
const REF = '{{secrets/team/key}}'
const AT = 'served_entities[0].external_model'

/** A served entity as parsed from JSON text, so `__proto__` keys are own properties as on the wire. */
const wire = (json: string): unknown => JSON.parse(json)

const openai = (config: object, top: object = {}) => ({
  name: 'chat',
  external_model: { name: 'gpt-4o', provider: 'openai', task: 'llm/v1/chat', openai_config: config, ...top },
})
const customLlm = (config: object) => ({
  name: 'chat',
  external_model: {
    name: 'my-llm',
    provider: 'custom',
    task: 'llm/v1/chat',
    custom_provider_config: { custom_provider_url: 'https://llm.example.com', ...config },
  },
})

interface Case {
  entity: unknown
  /** The field a 400 names, or null when the request is valid and the value is kept aside. */
  field: string | null
  /** What must never come back. */
  needle?: string
}

const CASES: Record<string, Case> = {
  'a plain-text key where the provider expects one': {
    entity: openai({ openai_api_key_plaintext: SECRET }),
    field: null,
  },
  "another provider's plain-text key (anthropic_config.openai_api_key_plaintext)": {
    entity: {
      name: 'chat',
      external_model: {
        name: 'claude-3-5-sonnet-latest',
        provider: 'anthropic',
        task: 'llm/v1/chat',
        anthropic_config: { anthropic_api_key: REF, openai_api_key_plaintext: SECRET },
      },
    },
    field: `${AT}.anthropic_config.openai_api_key_plaintext`,
  },
  'an object as the plain-text value': {
    entity: openai({ openai_api_key_plaintext: { value: SECRET } }),
    field: `${AT}.openai_config.openai_api_key_plaintext`,
  },
  'a number as the plain-text value, beside a reference': {
    entity: openai({ openai_api_key: REF, openai_api_key_plaintext: NUMBER }),
    field: `${AT}.openai_config.openai_api_key_plaintext`,
    needle: String(NUMBER),
  },
  'a list as the plain-text value': {
    entity: openai({ openai_api_key_plaintext: [SECRET] }),
    field: `${AT}.openai_config.openai_api_key_plaintext`,
  },
  'an Entra client secret on plain OpenAI (api_type openai)': {
    entity: openai({ openai_api_type: 'openai', openai_api_key: REF, microsoft_entra_client_secret_plaintext: SECRET }),
    field: `${AT}.openai_config.microsoft_entra_client_secret_plaintext`,
  },
  'an unknown foo_plaintext in the provider config': {
    entity: openai({ openai_api_key: REF, foo_plaintext: SECRET }),
    field: `${AT}.openai_config.foo_plaintext`,
  },
  'a plain-text key at the external_model level': {
    entity: openai({ openai_api_key: REF }, { openai_api_key_plaintext: SECRET }),
    field: `${AT}.openai_api_key_plaintext`,
  },
  'a plain-text key under __proto__ in the provider config': {
    entity: wire(
      `{"name":"chat","external_model":{"name":"gpt-4o","provider":"openai","task":"llm/v1/chat","openai_config":{"openai_api_key":"${REF}","__proto__":{"openai_api_key_plaintext":"${SECRET}"}}}}`,
    ),
    field: `${AT}.openai_config.__proto__`,
  },
  'a plain-text key under __proto__ at the external_model level': {
    entity: wire(
      `{"name":"chat","external_model":{"name":"gpt-4o","provider":"openai","task":"llm/v1/chat","openai_config":{"openai_api_key":"${REF}"},"__proto__":{"openai_api_key_plaintext":"${SECRET}"}}}`,
    ),
    field: `${AT}.__proto__`,
  },
  'a plain-text key under __proto__ in the served entity': {
    entity: wire(
      `{"name":"chat","external_model":{"name":"gpt-4o","provider":"openai","task":"llm/v1/chat","openai_config":{"openai_api_key":"${REF}"}},"__proto__":{"x_plaintext":"${SECRET}"}}`,
    ),
    field: 'served_entities[0].__proto__',
  },
  'a plain-text key on the served entity': {
    entity: { ...openai({ openai_api_key: REF }), api_key_plaintext: SECRET },
    field: 'served_entities[0].api_key_plaintext',
  },
  'a nested group on a provider that has none': {
    entity: openai({ openai_api_key: REF, bearer_token_auth: { token_plaintext: SECRET } }),
    field: `${AT}.openai_config.bearer_token_auth`,
  },
  'an unknown plain-text key inside a custom provider auth block': {
    entity: customLlm({ bearer_token_auth: { token: REF, foo_plaintext: SECRET } }),
    field: `${AT}.custom_provider_config.bearer_token_auth.foo_plaintext`,
  },
  'an object as a custom provider token': {
    entity: customLlm({ bearer_token_auth: { token_plaintext: { nested: SECRET } } }),
    field: `${AT}.custom_provider_config.bearer_token_auth.token_plaintext`,
  },
  'a custom provider auth block that is not an object': {
    entity: customLlm({ bearer_token_auth: SECRET }),
    field: `${AT}.custom_provider_config.bearer_token_auth`,
  },
  'a number as a Bedrock secret access key': {
    entity: {
      name: 'chat',
      external_model: {
        name: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
        provider: 'amazon-bedrock',
        task: 'llm/v1/chat',
        amazon_bedrock_config: {
          aws_region: 'us-east-1',
          bedrock_provider: 'anthropic',
          aws_access_key_id: REF,
          aws_secret_access_key: REF,
          aws_secret_access_key_plaintext: NUMBER,
        },
      },
    },
    field: `${AT}.amazon_bedrock_config.aws_secret_access_key_plaintext`,
    needle: String(NUMBER),
  },
}

/** A fresh copy each time, as a parsed request body is (the control plane takes secrets out of it). */
const openaiReady = () => openai({ openai_api_key_plaintext: SECRET })
const copy = (entity: unknown): unknown => JSON.parse(JSON.stringify(entity))

/** Every answer a client can get about the endpoint, as one string. */
function everything(plane: ReturnType<typeof setup>, name: string): string {
  const exists = plane.cp.list().endpoints.some((e) => e.name === name)
  return JSON.stringify([plane.cp.list(), exists ? plane.cp.get(name) : null, exists ? plane.cp.events(name) : null])
}

/** What a call answered, or the 400 it was refused with: its field, and the text that went back. */
function attempt(run: () => unknown): { status: number; code?: string; field: string | null; text: string } {
  try {
    return { status: 200, field: null, text: JSON.stringify(run()) }
  } catch (error) {
    if (!(error instanceof ControlPlaneError)) throw error
    return { status: error.status, code: error.errorCode, field: error.field ?? null, text: JSON.stringify(error.toBody()) }
  }
}

/** The answer, and everything readable afterwards (`after`), before and after the rollout finishes. */
function seen(plane: ReturnType<typeof setup>, run: () => unknown) {
  const result = attempt(run)
  const before = everything(plane, 'chat')
  plane.clock.advance(UPDATE_MS)
  return { ...result, after: `${before}\n${everything(plane, 'chat')}` }
}

describe('no plain-text value is ever returned', () => {
  it.each(Object.entries(CASES))('on create, with %s', (_, c) => {
    const plane = setup()
    const result = seen(plane, () => plane.cp.create(createBody('chat', [copy(c.entity)])))
    expect(result.field).toBe(c.field)
    expect([result.status, result.code]).toEqual(c.field === null ? [200, undefined] : [400, 'INVALID_PARAMETER_VALUE'])
    expect(result.text).not.toContain(c.needle ?? SECRET)
    expect(result.after).not.toContain(c.needle ?? SECRET)
    // An error may name a _plaintext field; nothing readable about the endpoint may.
    expect(result.after).not.toContain('_plaintext')
  })

  it.each(Object.entries(CASES))('on a config update, with %s', (_, c) => {
    const plane = setup()
    expect(createReady(plane, 'chat', [openaiReady()]).state.ready).toBe('READY')
    const result = seen(plane, () => plane.cp.updateConfig('chat', { served_entities: [copy(c.entity)] }))
    expect(result.field).toBe(c.field)
    expect([result.status, result.code]).toEqual(c.field === null ? [200, undefined] : [400, 'INVALID_PARAMETER_VALUE'])
    expect(result.text).not.toContain(c.needle ?? SECRET)
    expect(result.after).not.toContain(c.needle ?? SECRET)
    // An error may name a _plaintext field; nothing readable about the endpoint may.
    expect(result.after).not.toContain('_plaintext')
  })
})

describe('plain-text values outside provider configs', () => {
  it('refuses a _plaintext key in auto_capture_config', () => {
    const plane = setup()
    const body = createBody('chat', [openaiReady()])
    body.config = { ...body.config, auto_capture_config: { enabled: false, foo_plaintext: SECRET } as object }
    const error = errorOf(() => plane.cp.create(body))
    expect(error.field).toBe('auto_capture_config.foo_plaintext')
    expect(everything(plane, 'chat')).not.toContain(SECRET)
  })

  it('refuses a _plaintext key in AI Gateway guardrails, on create and on PUT', () => {
    const plane = setup()
    const ai_gateway = { guardrails: { input: { safety: true, foo_plaintext: SECRET } } }
    const error = errorOf(() => plane.cp.create(createBody('chat', [openaiReady()], { ai_gateway })))
    expect(error.field).toBe('ai_gateway.guardrails.input.foo_plaintext')
    createReady(plane, 'chat', [openaiReady()])
    expect(errorOf(() => plane.cp.putAiGateway('chat', ai_gateway)).field).toBe('ai_gateway.guardrails.input.foo_plaintext')
    expect(everything(plane, 'chat')).not.toContain(SECRET)
  })

  it('drops unknown keys of tags and rate limits, which are rebuilt field by field', () => {
    const plane = setup()
    const created = plane.cp.create(
      createBody('chat', [openaiReady()], {
        tags: [{ key: 'team', value: 'a', foo_plaintext: SECRET }],
        rate_limits: [{ calls: 1, key: 'user', renewal_period: 'minute', foo_plaintext: SECRET }],
        foo_plaintext: SECRET,
      }),
    )
    expect(JSON.stringify(created)).not.toContain(SECRET)
    expect(everything(plane, 'chat')).not.toContain(SECRET)
  })
})

describe('plain-text values already in the saved state', () => {
  it('are never sent out, from state saved by an older mock or imported with PUT /__mock/state', () => {
    const plane = setup()
    createReady(plane, 'chat', [openaiReady()])
    const text = plane.storage.getItem(STATE_KEY) ?? ''
    const leaked = text.replace(
      '"openai_config":{',
      `"openai_config":{"openai_api_key_plaintext":"${SECRET}","x":{"y_plaintext":"${SECRET}"},`,
    )
    expect(leaked).toContain(SECRET)
    plane.storage.setItem(STATE_KEY, leaked)
    expect(everything(plane, 'chat')).not.toContain(SECRET)
    expect(everything(plane, 'chat')).not.toContain('_plaintext')
  })
})
