import { describe, expect, it } from 'vitest'
import type { ExternalTask } from '../../api/types'
import {
  ALL_TASKS,
  PROVIDERS,
  checkProviderConfig,
  fieldsFor,
  providerFor,
  suggestedModels,
  variantFor,
} from '../../lib/providers'
import { afterProviderChange, dialogSchema, EMPTY_DIALOG, toChoice } from './dialog-values'
import { entityChoiceSchema, entitySummary, fieldKey, type ExternalChoice } from './entity-schema'
import { externalModelOf } from './payload'

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value')
  return value
}

function filled(providerId: string, task: ExternalTask, auth: string, mode: 'reference' | 'plaintext'): ExternalChoice {
  const entry = must(PROVIDERS.find((p) => p.id === providerId))
  const variant = must(entry.authVariants.find((v) => v.id === auth))
  const choice: ExternalChoice = {
    kind: 'external',
    provider: entry.id,
    task,
    model_name: 'some-model',
    auth,
    config: {},
    secrets: {},
  }
  for (const field of fieldsFor(entry, variant)) {
    const key = fieldKey(field)
    if (field.secret) choice.secrets[key] = { mode, value: mode === 'reference' ? '{{secrets/team/key}}' : 's3cr3t' }
    else choice.config[key] = field.options ? field.options[0].value : 'value'
  }
  return choice
}

const cases = PROVIDERS.flatMap((entry) =>
  entry.tasks.flatMap((task) => entry.authVariants.map((variant) => ({ entry, task, variant }))),
)

describe('provider registry', () => {
  it('offers the ten providers of the contract, each with tasks it supports', () => {
    expect(PROVIDERS.map((p) => p.label)).toEqual([
      'OpenAI',
      'Azure OpenAI',
      'Anthropic',
      'Cohere',
      'Amazon Bedrock',
      'AI21 Labs',
      'Google Cloud Vertex AI',
      'Google PaLM',
      'Databricks Model Serving',
      'Custom provider',
    ])
    expect(PROVIDERS.find((p) => p.id === 'anthropic')?.tasks).toEqual(['llm/v1/chat', 'llm/v1/completions'])
    expect(PROVIDERS.find((p) => p.id === 'ai21labs')?.tasks).toEqual(['llm/v1/completions'])
  })

  it.each(PROVIDERS.flatMap((entry) => entry.tasks.map((task) => [entry.label, task, entry] as const)))(
    '%s · %s suggests model names only for that provider and task',
    (_label, task, entry) => {
      const names = suggestedModels(entry, task)
      // A custom provider's models are anyone's guess; another workspace has no completions endpoints seeded.
      const freeTextOnly = entry.id === 'custom' || (entry.id === 'databricks-model-serving' && task === 'llm/v1/completions')
      expect(names.length > 0).toBe(!freeTextOnly)
      for (const other of ALL_TASKS.filter((t) => t !== task)) {
        for (const name of names) expect(suggestedModels(entry, other)).not.toContain(name)
      }
    },
  )

  it.each(cases.map((c) => [c.entry.label, c.task, c.variant.label, c] as const))(
    '%s · %s · %s: a filled choice passes the form schema and the server check, with references and with plain text',
    (_l, task, _v, { entry, variant }) => {
      for (const mode of ['reference', 'plaintext'] as const) {
        const choice = filled(entry.id, task, variant.id, mode)
        expect(entityChoiceSchema.safeParse(choice).success).toBe(true)
        const model = externalModelOf(choice)
        expect(providerFor(model)?.id).toBe(entry.id)
        expect(checkProviderConfig(entry, model[entry.configKey])).toEqual([])
        const json = JSON.stringify(model)
        const hasSecret = fieldsFor(entry, variant).some((f) => f.secret)
        expect(json.includes('_plaintext')).toBe(mode === 'plaintext' && hasSecret)
      }
    },
  )

  it.each(cases.map((c) => [c.entry.label, c.variant.label, c] as const))(
    '%s · %s: an empty choice reports every required field at its own path',
    (_l, _v, { entry, variant }) => {
      const choice: ExternalChoice = {
        kind: 'external',
        provider: entry.id,
        task: entry.tasks[0],
        model_name: '',
        auth: variant.id,
        config: {},
        secrets: {},
      }
      const issues = entityChoiceSchema.safeParse(choice).error?.issues ?? []
      const paths = issues.map((i) => i.path.join('.'))
      expect(paths).toContain('model_name')
      for (const field of fieldsFor(entry, variant).filter((f) => f.required)) {
        expect(paths).toContain(field.secret ? `secrets.${fieldKey(field)}.value` : `config.${fieldKey(field)}`)
      }
    },
  )

  it.each(cases.map((c) => [c.entry.label, c.variant.label, c] as const))(
    '%s · %s: the form and the mock refuse each empty or malformed field with the same words',
    (_l, _v, { entry, variant, task }) => {
      for (const field of fieldsFor(entry, variant)) {
        const bad = field.secret ? 'sk-raw-key' : field.options ? 'not-an-option' : ''
        if (!field.secret && !field.options && !field.required) continue
        const choice = filled(entry.id, task, variant.id, 'reference')
        const key = fieldKey(field)
        if (field.secret) choice.secrets[key] = { mode: 'reference', value: bad }
        else choice.config[key] = bad
        const formIssue = entityChoiceSchema.safeParse(choice).error?.issues.find((i) => i.path.includes(key))
        const config = externalModelOf(choice)[entry.configKey]
        expect(formIssue?.message).toBeDefined()
        // A config emptied of its only auth field no longer says which auth it uses: nothing to compare.
        if (variantFor(entry, config).id !== variant.id) continue
        const mockProblem = checkProviderConfig(entry, config).find((p) => p.field.endsWith(field.key))
        expect(formIssue?.message).toBe(mockProblem?.message)
      }
    },
  )

  it('refuses a task the provider does not support and a malformed secret reference', () => {
    const choice = filled('ai21labs', 'llm/v1/completions', 'key', 'reference')
    const result = entityChoiceSchema.safeParse({
      ...choice,
      task: 'llm/v1/chat',
      secrets: { ai21labs_api_key: { mode: 'reference', value: 'sk-raw-key' } },
    })
    const messages = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
    expect(messages.task).toBe('AI21 Labs supports Completions.')
    expect(messages['secrets.ai21labs_api_key.value']).toMatch(/\{\{secrets\/<scope>\/<key>\}\}/)
  })

  it('accepts an empty plain-text secret the server already stores (edit: empty keeps it)', () => {
    const choice = filled('openai', 'llm/v1/chat', 'key', 'plaintext')
    choice.secrets.openai_api_key = { mode: 'plaintext', value: '', stored: true }
    expect(entityChoiceSchema.safeParse(choice).success).toBe(true)
    expect(externalModelOf(choice).openai_config).not.toHaveProperty('openai_api_key_plaintext')
    expect(externalModelOf(choice).openai_config).not.toHaveProperty('openai_api_key')
  })
})

describe('served entity dialog values', () => {
  it('needs a model and version for Unity Catalog, and a choice for foundation models', () => {
    const uc = dialogSchema.safeParse(EMPTY_DIALOG).error?.issues.map((i) => i.message)
    expect(uc).toEqual(['Select a model.', 'Select a version.'])
    const fm = dialogSchema.safeParse({ ...EMPTY_DIALOG, source: 'foundation' }).error?.issues.map((i) => i.message)
    expect(fm).toEqual(['Select a foundation model.'])
  })

  it('switching provider keeps what still applies and drops the rest', () => {
    const openai = {
      ...EMPTY_DIALOG,
      source: 'foundation' as const,
      foundation: 'openai',
      task: 'llm/v1/embeddings' as const,
      model_name: 'text-embedding-3-small',
      auth: 'key',
      config: { openai_api_base: 'https://proxy.example.com', openai_organization: 'org-1' },
      secrets: { openai_api_key: { mode: 'reference' as const, value: '{{secrets/a/b}}' } },
    }
    const azure = afterProviderChange({ ...openai, foundation: 'azure-openai' }, 'openai')
    expect(azure.task).toBe('llm/v1/embeddings')
    expect(azure.model_name).toBe('text-embedding-3-small')
    expect(azure.auth).toBe('azure')
    expect(azure.config).toEqual({ openai_api_base: 'https://proxy.example.com' })
    expect(azure.secrets.openai_api_key.value).toBe('{{secrets/a/b}}')
    const anthropic = afterProviderChange({ ...openai, foundation: 'anthropic' }, 'openai')
    expect(anthropic).toMatchObject({ task: '', model_name: '', config: {}, secrets: {} })
    const ai21 = afterProviderChange({ ...openai, foundation: 'ai21labs', model_name: 'my-fine-tune' }, 'openai')
    expect(ai21).toMatchObject({ task: 'llm/v1/completions', model_name: 'my-fine-tune' })
  })

  it('Confirm writes a choice that reads like the row label', () => {
    const choice = must(
      toChoice({
        ...EMPTY_DIALOG,
        source: 'foundation',
        foundation: 'openai',
        task: 'llm/v1/chat',
        model_name: 'gpt-4o',
        auth: 'key',
        secrets: { openai_api_key: { value: '{{secrets/a/b}}' } },
      }),
    )
    expect(entitySummary(choice)).toBe('OpenAI · gpt-4o · Chat')
    expect(choice).toMatchObject({ secrets: { openai_api_key: { mode: 'reference' } } })
    expect(entitySummary(must(toChoice({ ...EMPTY_DIALOG, entity_name: 'main.default.churn_model', entity_version: '4' })))).toBe(
      'main.default.churn_model · Version 4',
    )
  })
})
