import { describe, expect, it } from 'vitest'
import { EDIT_LOCKED_REASON, isPayPerToken, servedEntitySummary, taskLabel } from './endpoint-rules'

describe('isPayPerToken', () => {
  it('treats FOUNDATION_MODEL_API and databricks- endpoints as pay-per-token', () => {
    expect(isPayPerToken({ name: 'x', endpoint_type: 'FOUNDATION_MODEL_API' })).toBe(true)
    expect(isPayPerToken({ endpoint_type: 'FOUNDATION_MODEL_API' })).toBe(true)
    expect(isPayPerToken({ name: 'databricks-dbrx-instruct' })).toBe(true)
    expect(isPayPerToken({ name: 'my-databricks-model' })).toBe(false)
    expect(isPayPerToken({ name: 'chat', endpoint_type: 'EXTERNAL_MODEL' })).toBe(false)
    expect(isPayPerToken({})).toBe(false)
  })
})

describe('taskLabel', () => {
  it('labels tasks, with Custom model for endpoints that declare none', () => {
    expect(taskLabel('llm/v1/chat')).toBe('Chat')
    expect(taskLabel('llm/v1/completions')).toBe('Completions')
    expect(taskLabel(undefined)).toBe('Custom model')
    expect(taskLabel('llm/v2/agent')).toBe('llm/v2/agent')
  })
})

describe('servedEntitySummary', () => {
  const external = {
    name: 'e',
    external_model: { name: 'gpt-4o', provider: 'openai', task: 'llm/v1/chat' },
  } as const

  it('reads an external model as provider · model, with the task on request', () => {
    expect(servedEntitySummary(external)).toBe('OpenAI · gpt-4o')
    expect(servedEntitySummary(external, { withTask: true })).toBe('OpenAI · gpt-4o · Chat')
    expect(
      servedEntitySummary({
        name: 'e',
        external_model: { name: 'claude-3-5-haiku-latest', provider: 'anthropic', task: 'llm/v1/chat' },
      }),
    ).toBe('Anthropic · claude-3-5-haiku-latest')
  })

  it('reads a Unity Catalog model as name · version', () => {
    expect(servedEntitySummary({ name: 'e', entity_name: 'main.risk.fraud', entity_version: '7' })).toBe(
      'main.risk.fraud · version 7',
    )
    expect(servedEntitySummary({ name: 'e' })).toBe('e')
  })

  it('reads a foundation model by its display name', () => {
    const foundation_model = { name: 'gte', display_name: 'GTE Large (En)', description: '', docs: '' }
    expect(servedEntitySummary({ name: 'e', entity_name: 'system.ai.gte', foundation_model })).toBe('GTE Large (En)')
    expect(servedEntitySummary({ name: 'e', foundation_model: { ...foundation_model, display_name: '' } })).toBe('gte')
  })
})

it('has one edit-lock message', () => {
  expect(EDIT_LOCKED_REASON).toBe('Cannot edit endpoint when pending update is in progress.')
})
