import { describe, expect, it } from 'vitest'
import { UPDATE_MS, createReady, custom, errorOf, external, setup } from './test-support'

const forbidden = (run: () => unknown) => {
  const error = errorOf(run)
  expect(error.status).toBe(403)
  expect(error.errorCode).toBe('PERMISSION_DENIED')
  return error
}

describe('who may change what', () => {
  it.each([
    [
      'update',
      (cp: ReturnType<typeof setup>['cp']) => cp.updateConfig('databricks-gte-large-en', { served_entities: [custom('1')] }),
    ],
    ['cancel', (cp: ReturnType<typeof setup>['cp']) => cp.cancelUpdate('databricks-gte-large-en')],
    ['delete', (cp: ReturnType<typeof setup>['cp']) => cp.remove('databricks-gte-large-en')],
    ['tag', (cp: ReturnType<typeof setup>['cp']) => cp.patchTags('databricks-gte-large-en', { add_tags: [{ key: 'a' }] })],
  ])('refuses to %s a system pay-per-token endpoint with 403', (_, run) => {
    const { cp } = setup()
    const error = forbidden(() => run(cp))
    expect(error.message).toBe(
      "Endpoint 'databricks-gte-large-en' is a Databricks pay-per-token Foundation Model API endpoint and cannot be changed or deleted.",
    )
    expect(cp.get('databricks-gte-large-en').state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
  })

  it.each(['shared-embeddings', 'claude-summarizer'])('refuses writes on %s, which the user cannot manage', (name) => {
    const { cp } = setup()
    forbidden(() => cp.remove(name))
    forbidden(() => cp.updateConfig(name, { served_entities: [custom('1')] }))
    forbidden(() => cp.putRateLimits(name, { rate_limits: [] }))
    const error = forbidden(() => cp.putAiGateway(name, {}))
    expect(error.message).toBe(
      `User ada.lovelace@example.com does not have permission 'CAN_MANAGE' on serving endpoint '${name}'.`,
    )
    expect(cp.get(name).name).toBe(name)
  })

  it('answers 404 for an endpoint that does not exist, on every route', () => {
    const { cp } = setup()
    for (const run of [
      () => cp.get('nope'),
      () => cp.updateConfig('nope', { served_entities: [custom('1')] }),
      () => cp.cancelUpdate('nope'),
      () => cp.patchTags('nope', {}),
      () => cp.putRateLimits('nope', { rate_limits: [] }),
      () => cp.putAiGateway('nope', {}),
      () => cp.logs('nope', 'x', 'server'),
      () => cp.invoke('nope', {}),
    ]) {
      expect(errorOf(run).errorCode).toBe('RESOURCE_DOES_NOT_EXIST')
    }
  })
})

describe('external models stay external', () => {
  it('refuses to replace an external model with a custom model', () => {
    const plane = setup()
    createReady(plane, 'chat', [external()])
    const error = errorOf(() => plane.cp.updateConfig('chat', { served_entities: [custom('3')] }))
    expect(error.status).toBe(400)
    expect(error.field).toBe('served_entities')
    expect(error.message).toBe('An endpoint created with an external model must keep serving an external model.')
  })

  it('refuses to add an external model to an endpoint created without one', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    const error = errorOf(() => plane.cp.updateConfig('churn', { served_entities: [external()] }))
    expect(error.message).toBe('An external model cannot be added to an endpoint created without one.')
    expect(plane.cp.get('churn').state.config_update).toBe('NOT_UPDATING')
  })

  it('lets an external endpoint switch to another external model', () => {
    const plane = setup()
    createReady(plane, 'chat', [external()])
    const cohere = {
      name: 'command-r',
      provider: 'cohere',
      task: 'llm/v1/chat',
      cohere_config: { cohere_api_key: '{{secrets/a/b}}' },
    } as const
    plane.cp.updateConfig('chat', { served_entities: [external({ ...cohere }, 'chat')] })
    plane.clock.advance(UPDATE_MS)
    expect(plane.cp.get('chat').config?.served_entities[0].external_model?.provider).toBe('cohere')
  })
})

describe('tags', () => {
  it('adds, replaces in place and deletes in one PATCH, and records an event', () => {
    const { cp } = setup()
    const { tags } = cp.patchTags('churn-predictor', {
      add_tags: [{ key: 'team', value: 'retention' }, { key: 'env', value: 'prod' }, { key: 'owner' }],
      delete_tags: ['owner-old', 'env-x'],
    })
    expect(tags).toEqual([{ key: 'team', value: 'retention' }, { key: 'env', value: 'prod' }, { key: 'owner' }])
    const after = cp.patchTags('churn-predictor', { delete_tags: ['env', 'owner'] })
    expect(after.tags).toEqual([{ key: 'team', value: 'retention' }])
    expect(cp.get('churn-predictor').tags).toEqual([{ key: 'team', value: 'retention' }])
    expect(cp.events('churn-predictor').events[0].type).toBe('TAGS_UPDATED')
  })

  it('accepts an empty body and changes nothing', () => {
    const { cp } = setup()
    const before = cp.get('support-chat-gpt4o')
    expect(cp.patchTags('support-chat-gpt4o', undefined).tags).toEqual(before.tags)
    expect(cp.patchTags('support-chat-gpt4o', {}).tags).toEqual(before.tags)
    expect(cp.get('support-chat-gpt4o').last_updated_timestamp).toBe(before.last_updated_timestamp)
    expect(cp.events('support-chat-gpt4o').events[0].type).not.toBe('TAGS_UPDATED')
  })

  it('refuses an empty key and a delete list that is not strings', () => {
    const { cp } = setup()
    const error = errorOf(() => cp.patchTags('churn-predictor', { add_tags: [{ key: '', value: 'x' }] }))
    expect(error.field).toBe('add_tags[0].key')
    expect(errorOf(() => cp.patchTags('churn-predictor', { delete_tags: [1] })).field).toBe('delete_tags')
    expect(errorOf(() => cp.patchTags('churn-predictor', { add_tags: [{ key: 'k'.repeat(256) }] })).status).toBe(400)
  })
})

describe('rate limits and AI Gateway', () => {
  it('mirrors legacy rate limits into ai_gateway and keeps the other gateway settings', () => {
    const { cp } = setup()
    const answer = cp.putRateLimits('support-chat-gpt4o', {
      rate_limits: [{ calls: 5, key: 'endpoint', renewal_period: 'minute' }],
    })
    expect(answer).toEqual({ rate_limits: [{ calls: 5, key: 'endpoint', renewal_period: 'minute' }] })
    expect(cp.get('support-chat-gpt4o').ai_gateway).toEqual({
      usage_tracking_config: { enabled: true },
      rate_limits: [{ calls: 5, key: 'endpoint', renewal_period: 'minute' }],
    })
    expect(cp.events('support-chat-gpt4o').events[0].type).toBe('RATE_LIMITS_UPDATED')
  })

  it('refuses a negative rate limit', () => {
    const { cp } = setup()
    const error = errorOf(() => cp.putRateLimits('churn-predictor', { rate_limits: [{ calls: -1, key: 'user' }] }))
    expect(error.field).toBe('rate_limits[0].calls')
  })

  it('replaces the whole AI Gateway config with PUT and answers it', () => {
    const { cp } = setup()
    const config = {
      usage_tracking_config: { enabled: false },
      inference_table_config: { enabled: true, catalog_name: 'main', schema_name: 'logs', table_name_prefix: 'chat' },
      rate_limits: [{ tokens: 1000, key: 'user_group', principal: 'analysts', renewal_period: 'minute' }],
      guardrails: { input: { safety: true, pii: { behavior: 'BLOCK' } } },
      fallback_config: { enabled: true },
    }
    expect(cp.putAiGateway('support-chat-gpt4o', config)).toEqual(config)
    expect(cp.get('support-chat-gpt4o').ai_gateway).toEqual(config)
    expect(cp.events('support-chat-gpt4o').events[0].type).toBe('AI_GATEWAY_UPDATED')
  })

  it('refuses gateway rate limits without calls or tokens, negative, or a group without its principal', () => {
    const { cp } = setup()
    const put = (limit: object) => errorOf(() => cp.putAiGateway('churn-predictor', { rate_limits: [limit] }))
    expect(put({ key: 'user' }).field).toBe('ai_gateway.rate_limits[0].calls')
    expect(put({ tokens: -5, key: 'user' }).field).toBe('ai_gateway.rate_limits[0].tokens')
    expect(put({ calls: 5, key: 'user_group' }).field).toBe('ai_gateway.rate_limits[0].principal')
    expect(put({ calls: 5, key: 'team' }).field).toBe('ai_gateway.rate_limits[0].key')
  })
})
