import { describe, expect, it } from 'vitest'
import type { EndpointCoreConfigOutput, ServedEntityOutput } from '../../api/types'
import { abilitiesFor } from './abilities'
import { diffConfigs } from './config-diff'
import { answerText, exampleRequest, parseRequest } from './query-request'
import { computeText, entityText } from './served-entity-text'
import { rateLimitText } from './side-panel-text'

const entity = (name: string, extra: Partial<ServedEntityOutput> = {}): ServedEntityOutput => ({
  name,
  entity_name: 'main.default.model',
  entity_version: '1',
  workload_size: 'Small',
  workload_type: 'CPU',
  scale_to_zero_enabled: false,
  creation_timestamp: 0,
  state: { deployment: 'DEPLOYMENT_READY', deployment_state_message: '' },
  ...extra,
})

const config = (entities: ServedEntityOutput[], traffic: Record<string, number>): EndpointCoreConfigOutput => ({
  config_version: 1,
  served_entities: entities,
  traffic_config: {
    routes: Object.entries(traffic).map(([served_entity_name, traffic_percentage]) => ({
      served_entity_name,
      traffic_percentage,
    })),
  },
})

describe('diffConfigs', () => {
  it('marks added, removed, changed and unchanged entities by name', () => {
    const active = config([entity('a'), entity('b'), entity('c')], { a: 50, b: 25, c: 25 })
    const pending = config([entity('a'), entity('b', { workload_size: 'Large' }), entity('d')], { a: 50, b: 40, d: 10 })
    const changes = diffConfigs(active, pending)
    expect(changes.get('a')).toEqual({ kind: 'same' })
    expect(changes.get('b')).toEqual({ kind: 'changed', fields: ['compute', 'traffic'] })
    expect(changes.get('c')).toEqual({ kind: 'removed' })
    expect(changes.get('d')).toEqual({ kind: 'added' })
  })

  it('has nothing to compare without both configs', () => {
    expect(diffConfigs(undefined, config([entity('a')], {})).size).toBe(0)
  })
})

describe('entity and compute text', () => {
  it('names external models by provider, model and task', () => {
    const e = entity('x', {
      entity_name: undefined,
      entity_version: undefined,
      external_model: { name: 'gpt-4o', provider: 'openai', task: 'llm/v1/chat', openai_config: { openai_api_type: 'azure' } },
    })
    expect(entityText(e)).toBe('Azure OpenAI · gpt-4o · Chat')
    expect(computeText(e)).toBe('External · Azure OpenAI')
  })

  it('describes provisioned throughput and CPU compute', () => {
    expect(computeText(entity('x', { provisioned_model_units: 50 }))).toBe('Provisioned · 50 model units')
    expect(computeText(entity('x', { scale_to_zero_enabled: true }))).toBe('CPU · Small · scale to zero')
  })
})

describe('query requests', () => {
  it('prefills a body per task', () => {
    expect(exampleRequest({ task: 'llm/v1/completions' })).toHaveProperty('prompt')
    expect(exampleRequest({ task: 'llm/v1/embeddings' })).toHaveProperty('input')
    expect(exampleRequest({ task: 'llm/v1/chat' })).toHaveProperty('messages')
    expect(exampleRequest({})).toHaveProperty('dataframe_split')
  })

  it('refuses empty text, invalid JSON and non-objects with a reason', () => {
    expect(parseRequest('  ')).toEqual({ ok: false, message: 'Enter a request body in JSON.' })
    expect(parseRequest('{')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') })
    expect(parseRequest('[1]')).toMatchObject({ ok: false, message: expect.stringContaining('JSON object') })
    expect(parseRequest('{"input": "x"}')).toEqual({ ok: true, body: { input: 'x' } })
  })

  it('reads the text of a completion', () => {
    expect(
      answerText({
        id: '1',
        object: 'text_completion',
        created: 0,
        model: 'm',
        choices: [{ index: 0, text: ' hi ', finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    ).toBe('hi')
    expect(answerText({ predictions: [0.5] })).toBeUndefined()
  })
})

describe('abilities and rate limits', () => {
  it('gates actions by permission and keeps pay-per-token endpoints read-only', () => {
    expect(abilitiesFor({ permission_level: 'CAN_MANAGE' })).toEqual({ query: true, manage: true })
    expect(abilitiesFor({ permission_level: 'CAN_QUERY' })).toEqual({ query: true, manage: false })
    expect(abilitiesFor({ permission_level: 'CAN_VIEW' })).toEqual({ query: false, manage: false })
    expect(abilitiesFor({ permission_level: 'CAN_MANAGE', endpoint_type: 'FOUNDATION_MODEL_API' })).toEqual({
      query: true,
      manage: false,
    })
  })

  it('reads rate limits as sentences', () => {
    expect(rateLimitText({ calls: 10, key: 'endpoint', renewal_period: 'minute' })).toBe('10 calls per minute for the endpoint')
    expect(rateLimitText({ tokens: 5000, key: 'user_group', principal: 'analysts', renewal_period: 'minute' })).toBe(
      '5000 tokens per minute per user group analysts',
    )
  })
})
