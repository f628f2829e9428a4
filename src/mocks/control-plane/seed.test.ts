import { describe, expect, it } from 'vitest'
import { HOUR, setup } from './test-support'

const PAY_PER_TOKEN = [
  ['databricks-claude-sonnet-4-5', 'llm/v1/chat'],
  ['databricks-gpt-oss-120b', 'llm/v1/chat'],
  ['databricks-meta-llama-3-3-70b-instruct', 'llm/v1/chat'],
  ['databricks-llama-4-maverick', 'llm/v1/chat'],
  ['databricks-meta-llama-3-1-8b-instruct', 'llm/v1/chat'],
  ['databricks-gemma-3-12b', 'llm/v1/chat'],
  ['databricks-gte-large-en', 'llm/v1/embeddings'],
  ['databricks-bge-large-en', 'llm/v1/embeddings'],
] as const

describe('seed', () => {
  it.each(PAY_PER_TOKEN)('has %s: READY, CAN_QUERY, task %s, one foundation-model entity', (name, task) => {
    const { cp } = setup()
    const endpoint = cp.get(name)
    expect(endpoint.state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
    expect(endpoint.permission_level).toBe('CAN_QUERY')
    expect(endpoint.task).toBe(task)
    expect(endpoint.config?.served_entities).toHaveLength(1)
    expect(Object.keys(endpoint.config?.served_entities[0].foundation_model ?? {}).sort()).toEqual([
      'description',
      'display_name',
      'docs',
      'name',
    ])
  })

  it('has at least six customer endpoints in the described states', () => {
    const { cp } = setup()
    const customer = cp.list().endpoints.filter((e) => !e.name.startsWith('databricks-'))
    expect(customer.length).toBeGreaterThanOrEqual(6)
    const state = (name: string) => customer.find((e) => e.name === name)?.state
    expect(state('support-chat-gpt4o')).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
    expect(state('churn-predictor')).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
    expect(state('fraud-detector-v2')).toEqual({ ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    expect(state('recsys-ranker')).toEqual({ ready: 'READY', config_update: 'IN_PROGRESS' })
    expect(state('sentiment-classifier')).toEqual({ ready: 'READY', config_update: 'UPDATE_FAILED' })
    expect(state('llama-pt-finance')).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
  })

  it('describes each customer endpoint as documented', () => {
    const { cp } = setup()
    const chat = cp.get('support-chat-gpt4o').config?.served_entities[0].external_model
    expect([chat?.provider, chat?.task]).toEqual(['openai', 'llm/v1/chat'])
    expect(cp.get('churn-predictor').config?.traffic_config.routes.map((r) => r.traffic_percentage)).toEqual([80, 20])
    expect(cp.get('recsys-ranker').creator).toBe('grace.hopper@example.com')
    expect(cp.get('llama-pt-finance').config?.served_entities[0].provisioned_model_units).toBeGreaterThan(0)
    expect(cp.get('shared-embeddings')).toMatchObject({ permission_level: 'CAN_VIEW', task: 'llm/v1/embeddings' })
    expect(cp.get('shared-embeddings').config?.served_entities[0].external_model?.provider).toBe('cohere')
    expect(cp.get('claude-summarizer')).toMatchObject({ permission_level: 'CAN_QUERY' })
    expect(cp.get('claude-summarizer').config?.served_entities[0].external_model?.provider).toBe('anthropic')
  })

  it('keeps the creating endpoint and the in-progress update in progress after an hour of mock time', () => {
    const { cp, clock } = setup()
    clock.advance(HOUR)
    const fraud = cp.get('fraud-detector-v2')
    expect(fraud.state).toEqual({ ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    expect(fraud.pending_config?.served_entities[0].state.deployment).toBe('DEPLOYMENT_CREATING')
    const recsys = cp.get('recsys-ranker')
    expect(recsys.state).toEqual({ ready: 'READY', config_update: 'IN_PROGRESS' })
    expect([recsys.config?.config_version, recsys.pending_config?.config_version]).toEqual([6, 7])
  })

  it('lets the seeded in-progress states be canceled', () => {
    const { cp } = setup()
    expect(cp.cancelUpdate('fraud-detector-v2').state).toEqual({ ready: 'NOT_READY', config_update: 'UPDATE_CANCELED' })
    expect(cp.get('recsys-ranker').permission_level).toBe('CAN_MANAGE')
    expect(cp.cancelUpdate('recsys-ranker').config?.config_version).toBe(6)
  })

  it('gives every endpoint a unique id, and no plain-text secret anywhere', () => {
    const { cp } = setup()
    const all = cp.list().endpoints.map((e) => cp.get(e.name))
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length)
    expect(JSON.stringify(all)).not.toContain('_plaintext')
  })

  it('lists summaries without pending config, entity state or traffic', () => {
    const { cp } = setup()
    const recsys = cp.list().endpoints.find((e) => e.name === 'recsys-ranker')
    expect(recsys).not.toHaveProperty('pending_config')
    expect(recsys?.config).not.toHaveProperty('traffic_config')
    expect(recsys?.config?.served_entities[0]).not.toHaveProperty('state')
    expect(recsys?.config?.served_entities[0]).not.toHaveProperty('workload_size')
  })
})
