import { describe, expect, it } from 'vitest'
import type { ExternalModel, ExternalTask, ProviderConfig } from '../../api/types'
import { ALL_TASKS, PROVIDERS, fieldsFor, type ProviderEntry } from '../../lib/providers'
import { createBody, errorOf, external, setup } from './test-support'

const REF = '{{secrets/scope/key}}'
const AT = 'served_entities[0].external_model'

/** A complete config for a provider under its first auth variant, built from the registry. */
function validConfig(entry: ProviderEntry): ProviderConfig {
  const variant = entry.authVariants[0]
  const config: ProviderConfig = { ...variant.fixed }
  for (const field of fieldsFor(entry, variant)) {
    const value = field.secret ? REF : (field.options?.[0].value ?? 'https://example.com/x')
    if (!field.group) config[field.key] = value
    else config[field.group] = { ...(config[field.group] as ProviderConfig | undefined), [field.key]: value }
  }
  return config
}

function model(entry: ProviderEntry, task: ExternalTask, config: ProviderConfig = validConfig(entry)): ExternalModel {
  return { name: 'some-model', provider: entry.provider, task, [entry.configKey]: config }
}

const entry = (id: string) => PROVIDERS.find((p) => p.id === id) as ProviderEntry

function refusedModel(m: unknown) {
  const { cp } = setup()
  const error = errorOf(() => cp.create(createBody('ext', [{ name: 'm', external_model: m }])))
  expect(error.status).toBe(400)
  expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE')
  return error
}

const accepts = (m: ExternalModel) => setup().cp.create(createBody('ext', [external(m, 'm')]))

const supported = PROVIDERS.flatMap((p) => p.tasks.map((task) => [p.id, task] as const))
const unsupported = PROVIDERS.flatMap((p) => ALL_TASKS.filter((t) => !p.tasks.includes(t)).map((task) => [p.id, task] as const))

describe('external model providers', () => {
  it.each(supported)('accepts %s with the %s task and sets the endpoint task', (id, task) => {
    const created = accepts(model(entry(id), task))
    expect(created.task).toBe(task)
    expect(created.pending_config?.served_entities[0].external_model?.provider).toBe(entry(id).provider)
  })

  it.each(unsupported)('refuses %s with the unsupported %s task', (id, task) => {
    const error = refusedModel(model(entry(id), task))
    expect(error.field).toBe(`${AT}.task`)
    expect(error.message).toContain(`does not support the`)
  })

  it('names AI21 Labs and the chat task when AI21 is asked to chat', () => {
    expect(refusedModel(model(entry('ai21labs'), 'llm/v1/chat')).message).toBe(
      'Provider AI21 Labs does not support the Chat task (llm/v1/chat). Supported: llm/v1/completions.',
    )
  })

  it('refuses an unknown provider, an unknown task and a missing model name', () => {
    const error = refusedModel({ name: 'x', provider: 'mistral', task: 'llm/v1/chat' })
    expect(error.field).toBe(`${AT}.provider`)
    expect(error.message).toContain("Invalid external model provider 'mistral'")
    expect(refusedModel({ ...model(entry('openai'), 'llm/v1/chat'), task: 'llm/v2/chat' }).field).toBe(`${AT}.task`)
    expect(refusedModel({ ...model(entry('openai'), 'llm/v1/chat'), name: ' ' }).field).toBe(`${AT}.name`)
  })

  it('refuses another provider’s config block', () => {
    const m = { ...model(entry('openai'), 'llm/v1/chat'), cohere_config: { cohere_api_key: REF } }
    expect(refusedModel(m).field).toBe(`${AT}.cohere_config`)
  })

  it.each(
    PROVIDERS.flatMap((p) =>
      fieldsFor(p, p.authVariants[0])
        .filter((f) => f.required)
        .map((f) => [p.id, f.key, f] as const),
    ),
  )('refuses %s without its required field %s', (id, _, field) => {
    const config = validConfig(entry(id))
    if (field.group) delete (config[field.group] as ProviderConfig)[field.key]
    else delete config[field.key]
    const error = refusedModel(model(entry(id), entry(id).tasks[0], config))
    expect(error.field).toBe(`${AT}.${entry(id).configKey}.${field.group ? `${field.group}.` : ''}${field.key}`)
    expect(error.message).toBe(`${field.label} is required.`)
  })

  it('refuses a Bedrock provider outside the list', () => {
    const config = { ...validConfig(entry('amazon-bedrock')), bedrock_provider: 'meta' }
    expect(refusedModel(model(entry('amazon-bedrock'), 'llm/v1/chat', config)).field).toBe(
      `${AT}.amazon_bedrock_config.bedrock_provider`,
    )
  })
})

describe('secrets: exactly one of the reference and the plain text', () => {
  const withKey = (config: ProviderConfig) => model(entry('openai'), 'llm/v1/chat', config)

  it('refuses both', () => {
    const error = refusedModel(withKey({ openai_api_key: REF, openai_api_key_plaintext: 'sk-live' }))
    expect(error.field).toBe(`${AT}.openai_config.openai_api_key`)
    expect(error.message).toBe('Provide only one of openai_api_key and openai_api_key_plaintext.')
    expect(error.message).not.toContain('sk-live')
  })

  it('refuses neither', () => {
    expect(refusedModel(withKey({})).message).toBe('OpenAI API key is required.')
  })

  it.each(['sk-live-123', '{{secrets/only-scope}}', 'secrets/scope/key', '{{ secrets/scope/key }}'])(
    'refuses the reference %s',
    (ref) => {
      const error = refusedModel(withKey({ openai_api_key: ref }))
      expect(error.message).toBe('OpenAI API key must be a secret reference like {{secrets/<scope>/<key>}}.')
      expect(error.message).not.toContain(ref)
    },
  )

  it('accepts a plain-text value alone', () => {
    expect(accepts(withKey({ openai_api_key_plaintext: 'sk-live' })).name).toBe('ext')
  })
})

describe('auth variants', () => {
  const bedrock = (auth: ProviderConfig) =>
    model(entry('amazon-bedrock'), 'llm/v1/chat', { aws_region: 'us-east-1', bedrock_provider: 'anthropic', ...auth })
  const keys = { aws_access_key_id: REF, aws_secret_access_key_plaintext: 'secret' }
  const profile = { instance_profile_arn: 'arn:aws:iam::123:instance-profile/bedrock' }

  it('accepts Bedrock with access keys, or with an instance profile', () => {
    expect(accepts(bedrock(keys)).name).toBe('ext')
    expect(accepts(bedrock(profile)).name).toBe('ext')
  })

  it('refuses Bedrock with half the keys, or with nothing', () => {
    expect(refusedModel(bedrock({ aws_access_key_id: REF })).field).toBe(`${AT}.amazon_bedrock_config.aws_secret_access_key`)
    expect(refusedModel(bedrock({})).message).toBe('AWS access key ID is required.')
  })

  it('refuses Bedrock with both access keys and an instance profile', () => {
    const error = refusedModel(bedrock({ ...keys, ...profile }))
    expect(error.field).toBe(`${AT}.amazon_bedrock_config`)
    expect(error.message).toBe('Amazon Bedrock takes one way to authenticate: Access keys or Instance profile, not both.')
  })

  const azure = (auth: ProviderConfig) =>
    model(entry('azure-openai'), 'llm/v1/chat', {
      openai_api_base: 'https://r.openai.azure.com',
      openai_deployment_name: 'gpt4o',
      openai_api_version: '2024-06-01',
      ...auth,
    })
  const entra = {
    openai_api_type: 'azuread',
    microsoft_entra_tenant_id: 't',
    microsoft_entra_client_id: 'c',
    microsoft_entra_client_secret: REF,
  }

  it('accepts Azure OpenAI with an API key, or with Microsoft Entra ID', () => {
    expect(accepts(azure({ openai_api_type: 'azure', openai_api_key: REF })).name).toBe('ext')
    expect(accepts(azure(entra)).name).toBe('ext')
  })

  it('refuses Azure OpenAI with Entra ID missing its client secret, or missing the deployment', () => {
    const { microsoft_entra_client_secret: _, ...noSecret } = entra
    expect(refusedModel(azure(noSecret)).message).toBe('Microsoft Entra client secret is required.')
    const m = azure({ openai_api_type: 'azure', openai_api_key: REF })
    delete m.openai_config?.openai_deployment_name
    expect(refusedModel(m).message).toBe('Deployment name is required.')
  })

  it('refuses Azure OpenAI with openai_api_type azuread but an API key instead of Entra ID', () => {
    const error = refusedModel(azure({ openai_api_type: 'azuread', openai_api_key: REF }))
    expect(error.field).toBe(`${AT}.openai_config.openai_api_type`)
    expect(error.message).toBe("openai_api_type 'azuread' authenticates with Microsoft Entra ID, not with API key.")
  })

  it('refuses Azure OpenAI with both an API key and Entra ID', () => {
    expect(refusedModel(azure({ ...entra, openai_api_key: REF })).message).toBe(
      'Azure OpenAI takes one way to authenticate: API key or Microsoft Entra ID, not both.',
    )
  })

  const customProvider = (auth: ProviderConfig) =>
    model(entry('custom'), 'llm/v1/chat', { custom_provider_url: 'https://llm.example.com/v1', ...auth })

  it('accepts a custom provider with a bearer token, or with an API key header and value', () => {
    expect(accepts(customProvider({ bearer_token_auth: { token: REF } })).name).toBe('ext')
    expect(accepts(customProvider({ api_key_auth: { key: 'X-API-Key', value_plaintext: 'v' } })).name).toBe('ext')
  })

  it('refuses a custom provider API key without its header, and a bearer block without a token', () => {
    expect(refusedModel(customProvider({ api_key_auth: { value: REF } })).field).toBe(
      `${AT}.custom_provider_config.api_key_auth.key`,
    )
    expect(refusedModel(customProvider({ bearer_token_auth: {} })).field).toBe(
      `${AT}.custom_provider_config.bearer_token_auth.token`,
    )
  })

  it('refuses a custom provider with both a bearer token and an API key', () => {
    const error = refusedModel(
      customProvider({ bearer_token_auth: { token: REF }, api_key_auth: { key: 'X-API-Key', value: REF } }),
    )
    expect(error.message).toBe('Custom provider takes one way to authenticate: Bearer token or API key, not both.')
  })
})
