import { describe, expect, it } from 'vitest'
import type { ExternalModel, ProviderConfig, ServedEntityInput } from '../../api/types'
import { takeSecrets } from './secrets'
import { STATE_KEY } from './storage'
import { UPDATE_MS, createBody, createReady, errorOf, external, openai, setup } from './test-support'

const SECRET = 'sk-live-DO-NOT-LEAK-4242'

/** Every answer a client can get about an endpoint, as one string. */
function everything(plane: ReturnType<typeof setup>, name: string): string {
  return JSON.stringify([plane.cp.list(), plane.cp.get(name), plane.cp.events(name)])
}

const keyOf = (plane: ReturnType<typeof setup>, name: string) => {
  const detailed = plane.cp.get(name)
  return (detailed.pending_config ?? detailed.config)?.served_entities[0].external_model?.openai_config
}

describe('plain-text secrets are write-only', () => {
  it('never appear in the create answer, the list, the details or the events', () => {
    const plane = setup()
    const created = plane.cp.create(createBody('chat', [external(openai({ openai_api_key_plaintext: SECRET }))]))
    expect(JSON.stringify(created)).not.toContain(SECRET)
    expect(JSON.stringify(created)).not.toContain('_plaintext')
    expect(everything(plane, 'chat')).not.toContain(SECRET)
    plane.clock.advance(UPDATE_MS)
    expect(everything(plane, 'chat')).not.toContain(SECRET)
  })

  it('never appear in an update answer, and nested custom-provider secrets neither', () => {
    const plane = setup()
    const custom = (token: string): ExternalModel => ({
      name: 'my-llm',
      provider: 'custom',
      task: 'llm/v1/chat',
      custom_provider_config: { custom_provider_url: 'https://llm.example.com', bearer_token_auth: { token_plaintext: token } },
    })
    createReady(plane, 'llm', [external(custom(SECRET), 'm')])
    const updated = plane.cp.updateConfig('llm', { served_entities: [external(custom(`${SECRET}-2`), 'm')] })
    expect(JSON.stringify(updated)).not.toContain(SECRET)
    expect(updated.pending_config?.served_entities[0].external_model?.custom_provider_config).toEqual({
      custom_provider_url: 'https://llm.example.com',
      bearer_token_auth: {},
    })
  })

  it('keep references visible: they are names of secrets, not secrets', () => {
    const plane = setup()
    plane.cp.create(createBody('chat', [external(openai({ openai_api_key: '{{secrets/team/openai}}' }))]))
    expect(keyOf(plane, 'chat')).toEqual({ openai_api_key: '{{secrets/team/openai}}' })
  })

  it('are stored aside for later updates, apart from the config', () => {
    const plane = setup()
    plane.cp.create(createBody('chat', [external(openai({ openai_api_key_plaintext: SECRET }))]))
    const stored = JSON.parse(plane.storage.getItem(STATE_KEY) ?? '{}') as { endpoints: { name: string; secrets: object }[] }
    expect(stored.endpoints.find((e) => e.name === 'chat')?.secrets).toEqual({ 'chat/openai_api_key': SECRET })
  })
})

describe('an update that leaves a secret empty keeps the stored one', () => {
  it('for an OpenAI key', () => {
    const plane = setup()
    createReady(plane, 'chat', [external(openai({ openai_api_key_plaintext: SECRET }))])
    const updated = plane.cp.updateConfig('chat', { served_entities: [external({ ...openai({}), name: 'gpt-4o-mini' })] })
    expect(updated.pending_config?.served_entities[0].external_model?.name).toBe('gpt-4o-mini')
    plane.clock.advance(UPDATE_MS)
    const again = plane.cp.updateConfig('chat', { served_entities: [external(openai({}))] })
    expect(again.pending_config?.config_version).toBe(3)
  })

  it('for a custom provider whose bearer block is left out entirely', () => {
    const plane = setup()
    const model = (config: ProviderConfig): ExternalModel => ({
      name: 'my-llm',
      provider: 'custom',
      task: 'llm/v1/chat',
      custom_provider_config: { custom_provider_url: 'https://llm.example.com', ...config },
    })
    createReady(plane, 'llm', [external(model({ bearer_token_auth: { token_plaintext: SECRET } }), 'm')])
    const updated = plane.cp.updateConfig('llm', { served_entities: [external(model({}), 'm')] })
    expect(updated.state.config_update).toBe('IN_PROGRESS')
  })

  it('but not for a served entity with another name', () => {
    const plane = setup()
    createReady(plane, 'chat', [external(openai({ openai_api_key_plaintext: SECRET }))])
    const error = errorOf(() => plane.cp.updateConfig('chat', { served_entities: [external(openai({}), 'renamed')] }))
    expect(error.message).toBe('OpenAI API key is required.')
  })

  it('and a new value or a reference replaces it', () => {
    const plane = setup()
    createReady(plane, 'chat', [external(openai({ openai_api_key_plaintext: SECRET }))])
    plane.cp.updateConfig('chat', { served_entities: [external(openai({ openai_api_key: '{{secrets/team/rotated}}' }))] })
    plane.clock.advance(UPDATE_MS)
    expect(keyOf(plane, 'chat')).toEqual({ openai_api_key: '{{secrets/team/rotated}}' })
    expect(plane.storage.getItem(STATE_KEY)).not.toContain(SECRET)
  })

  it('switching Bedrock from access keys to an instance profile drops the stored keys', () => {
    const plane = setup()
    const bedrock = (auth: ProviderConfig): ExternalModel => ({
      name: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      provider: 'amazon-bedrock',
      task: 'llm/v1/chat',
      amazon_bedrock_config: { aws_region: 'us-east-1', bedrock_provider: 'anthropic', ...auth },
    })
    createReady(plane, 'br', [
      external(bedrock({ aws_access_key_id_plaintext: 'AKIA', aws_secret_access_key_plaintext: SECRET }), 'm'),
    ])
    const updated = plane.cp.updateConfig('br', {
      served_entities: [external(bedrock({ instance_profile_arn: 'arn:aws:iam::1:instance-profile/x' }), 'm')],
    })
    expect(updated.pending_config?.served_entities[0].external_model?.amazon_bedrock_config).toEqual({
      aws_region: 'us-east-1',
      bedrock_provider: 'anthropic',
      instance_profile_arn: 'arn:aws:iam::1:instance-profile/x',
    })
  })

  it('after a canceled update, the active config’s secret is the one kept', () => {
    const plane = setup()
    createReady(plane, 'chat', [external(openai({ openai_api_key_plaintext: SECRET }))])
    plane.cp.updateConfig('chat', { served_entities: [external(openai({ openai_api_key: '{{secrets/team/other}}' }))] })
    plane.cp.cancelUpdate('chat')
    const again = plane.cp.updateConfig('chat', { served_entities: [external(openai({}))] })
    expect(again.state.config_update).toBe('IN_PROGRESS')
  })

  it('after a failed update, too', () => {
    const plane = setup()
    createReady(plane, 'chat', [external(openai({ openai_api_key_plaintext: SECRET }))])
    plane.cp.controls.write({ failNextDeploy: true })
    plane.cp.updateConfig('chat', { served_entities: [external(openai({ openai_api_key: '{{secrets/team/other}}' }))] })
    plane.clock.advance(UPDATE_MS)
    expect(plane.cp.get('chat').state.config_update).toBe('UPDATE_FAILED')
    const again = plane.cp.updateConfig('chat', { served_entities: [external(openai({}))] })
    expect(again.state.config_update).toBe('IN_PROGRESS')
  })
})

describe('takeSecrets', () => {
  it('drops a _plaintext key of any name, shape or depth, keeping only the expected ones', () => {
    const entity = {
      name: 'chat',
      external_model: {
        ...openai({ openai_api_key_plaintext: SECRET, foo_plaintext: SECRET, nested: { x_plaintext: { v: SECRET } } }),
        bar_plaintext: [SECRET],
      },
    } as unknown as ServedEntityInput & { name: string }
    expect(takeSecrets([entity])).toEqual({ 'chat/openai_api_key': SECRET })
    expect(JSON.stringify(entity)).not.toContain(SECRET)
    expect(JSON.stringify(entity)).not.toContain('_plaintext')
  })
})
