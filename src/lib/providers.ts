// The external-model provider registry: one entry per provider the console offers.
// It drives the served-entity dialog's fields, the form's schema and the mock's validator,
// so adding a provider is adding one entry here.
import type { ExternalModel, ExternalTask, ProviderConfig, ProviderId } from '../api/types'
import { PROVIDER_LABELS, providerIdOf } from './provider-labels'

export type ConfigKey = Exclude<keyof ExternalModel, 'name' | 'provider' | 'task'>

export interface ProviderField {
  /** Wire field name. For a secret, the reference field; the raw value goes in `${key}_plaintext`. */
  key: string
  /** Nested object the field lives in (custom provider auth), e.g. 'bearer_token_auth'. */
  group?: string
  label: string
  required: boolean
  secret?: boolean
  placeholder?: string
  options?: readonly { value: string; label: string }[]
}

/** Mutually exclusive ways to authenticate (Azure key vs Entra ID, Bedrock keys vs instance profile, …). */
export interface AuthVariant {
  id: string
  label: string
  fields: readonly ProviderField[]
  /** Fixed wire values this variant sets, e.g. openai_api_type = azure. */
  fixed?: Readonly<Record<string, string>>
  /** A nested object this variant's fields live in; its presence identifies the variant. */
  group?: string
}

export interface ProviderEntry {
  /** Registry id: unique per UI choice (Azure OpenAI shares the `openai` API provider). */
  id: string
  provider: ProviderId
  label: string
  configKey: ConfigKey
  fields: readonly ProviderField[]
  authVariants: readonly AuthVariant[]
  tasks: readonly ExternalTask[]
  models: Readonly<Partial<Record<ExternalTask, readonly string[]>>>
  /** Wire keys the config may also carry, with their accepted values (beyond fields and variants' fixed values). */
  accepts?: Readonly<Record<string, readonly string[]>>
}

export const ALL_TASKS: readonly ExternalTask[] = ['llm/v1/chat', 'llm/v1/completions', 'llm/v1/embeddings']

export const SECRET_REFERENCE = /^\{\{secrets\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\}\}$/
export const SECRET_REFERENCE_HINT = 'Use a secret reference like {{secrets/<scope>/<key>}}'

const secret = (key: string, label: string, group?: string): ProviderField => ({
  key,
  label,
  required: true,
  secret: true,
  group,
})
const text = (key: string, label: string, required: boolean, placeholder?: string): ProviderField => ({
  key,
  label,
  required,
  placeholder,
})

/** OpenAI and Azure OpenAI serve the same model families. */
const OPENAI_MODELS: ProviderEntry['models'] = {
  'llm/v1/chat': ['gpt-4o', 'gpt-4o-mini', 'gpt-4-turbo', 'gpt-4', 'gpt-3.5-turbo', 'o1', 'o3-mini'],
  'llm/v1/completions': ['gpt-3.5-turbo-instruct', 'babbage-002', 'davinci-002'],
  'llm/v1/embeddings': ['text-embedding-3-large', 'text-embedding-3-small', 'text-embedding-ada-002'],
}

export const PROVIDERS: readonly ProviderEntry[] = [
  {
    id: 'openai',
    provider: 'openai',
    label: PROVIDER_LABELS['openai'],
    configKey: 'openai_config',
    fields: [
      text('openai_api_base', 'OpenAI API base', false, 'https://api.openai.com/v1'),
      text('openai_organization', 'OpenAI organization', false),
    ],
    authVariants: [{ id: 'key', label: 'API key', fields: [secret('openai_api_key', 'OpenAI API key')] }],
    tasks: ALL_TASKS,
    models: OPENAI_MODELS,
    accepts: { openai_api_type: ['openai'] },
  },
  {
    id: 'azure-openai',
    provider: 'openai',
    label: PROVIDER_LABELS['azure-openai'],
    configKey: 'openai_config',
    fields: [
      text('openai_api_base', 'Azure OpenAI API base', true, 'https://<resource>.openai.azure.com'),
      text('openai_deployment_name', 'Deployment name', true),
      text('openai_api_version', 'API version', true, '2024-06-01'),
    ],
    authVariants: [
      {
        id: 'azure',
        label: 'API key',
        fixed: { openai_api_type: 'azure' },
        fields: [secret('openai_api_key', 'Azure OpenAI API key')],
      },
      {
        id: 'azuread',
        label: 'Microsoft Entra ID',
        fixed: { openai_api_type: 'azuread' },
        fields: [
          text('microsoft_entra_tenant_id', 'Microsoft Entra tenant ID', true),
          text('microsoft_entra_client_id', 'Microsoft Entra client ID', true),
          secret('microsoft_entra_client_secret', 'Microsoft Entra client secret'),
        ],
      },
    ],
    tasks: ALL_TASKS,
    models: OPENAI_MODELS,
  },
  {
    id: 'anthropic',
    provider: 'anthropic',
    label: PROVIDER_LABELS['anthropic'],
    configKey: 'anthropic_config',
    fields: [],
    authVariants: [{ id: 'key', label: 'API key', fields: [secret('anthropic_api_key', 'Anthropic API key')] }],
    tasks: ['llm/v1/chat', 'llm/v1/completions'],
    models: {
      'llm/v1/chat': ['claude-3-7-sonnet-latest', 'claude-3-5-sonnet-latest', 'claude-3-5-haiku-latest', 'claude-3-opus-latest'],
      'llm/v1/completions': ['claude-2.1', 'claude-instant-1.2'],
    },
  },
  {
    id: 'cohere',
    provider: 'cohere',
    label: PROVIDER_LABELS['cohere'],
    configKey: 'cohere_config',
    fields: [text('cohere_api_base', 'Cohere API base', false, 'https://api.cohere.ai/v1')],
    authVariants: [{ id: 'key', label: 'API key', fields: [secret('cohere_api_key', 'Cohere API key')] }],
    tasks: ALL_TASKS,
    models: {
      'llm/v1/chat': ['command-r-plus', 'command-r'],
      'llm/v1/completions': ['command', 'command-light'],
      'llm/v1/embeddings': ['embed-english-v3.0', 'embed-multilingual-v3.0'],
    },
  },
  {
    id: 'amazon-bedrock',
    provider: 'amazon-bedrock',
    label: PROVIDER_LABELS['amazon-bedrock'],
    configKey: 'amazon_bedrock_config',
    fields: [
      text('aws_region', 'AWS region', true, 'us-east-1'),
      {
        key: 'bedrock_provider',
        label: 'Bedrock provider',
        required: true,
        options: [
          { value: 'anthropic', label: 'Anthropic' },
          { value: 'cohere', label: 'Cohere' },
          { value: 'ai21labs', label: 'AI21 Labs' },
          { value: 'amazon', label: 'Amazon' },
        ],
      },
    ],
    authVariants: [
      {
        id: 'keys',
        label: 'Access keys',
        fields: [secret('aws_access_key_id', 'AWS access key ID'), secret('aws_secret_access_key', 'AWS secret access key')],
      },
      {
        id: 'instance-profile',
        label: 'Instance profile',
        fields: [text('instance_profile_arn', 'Instance profile ARN', true, 'arn:aws:iam::<account>:instance-profile/<name>')],
      },
    ],
    tasks: ALL_TASKS,
    models: {
      'llm/v1/chat': ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'cohere.command-r-plus-v1:0'],
      'llm/v1/completions': ['amazon.titan-text-express-v1', 'ai21.j2-ultra-v1'],
      'llm/v1/embeddings': ['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3'],
    },
  },
  {
    id: 'ai21labs',
    provider: 'ai21labs',
    label: PROVIDER_LABELS['ai21labs'],
    configKey: 'ai21labs_config',
    fields: [],
    authVariants: [{ id: 'key', label: 'API key', fields: [secret('ai21labs_api_key', 'AI21 Labs API key')] }],
    tasks: ['llm/v1/completions'],
    models: { 'llm/v1/completions': ['j2-ultra', 'j2-mid', 'j2-light'] },
  },
  {
    id: 'google-cloud-vertex-ai',
    provider: 'google-cloud-vertex-ai',
    label: PROVIDER_LABELS['google-cloud-vertex-ai'],
    configKey: 'google_cloud_vertex_ai_config',
    fields: [text('project_id', 'Project ID', true), text('region', 'Region', true, 'us-central1')],
    authVariants: [{ id: 'key', label: 'Private key', fields: [secret('private_key', 'Private key')] }],
    tasks: ALL_TASKS,
    models: {
      'llm/v1/chat': ['gemini-1.5-pro', 'gemini-1.5-flash', 'gemini-2.0-flash'],
      'llm/v1/completions': ['text-bison'],
      'llm/v1/embeddings': ['text-embedding-004'],
    },
  },
  {
    id: 'palm',
    provider: 'palm',
    label: PROVIDER_LABELS['palm'],
    configKey: 'palm_config',
    fields: [],
    authVariants: [{ id: 'key', label: 'API key', fields: [secret('palm_api_key', 'PaLM API key')] }],
    tasks: ALL_TASKS,
    models: {
      'llm/v1/chat': ['chat-bison-001'],
      'llm/v1/completions': ['text-bison-001'],
      'llm/v1/embeddings': ['embedding-gecko-001'],
    },
  },
  {
    id: 'databricks-model-serving',
    provider: 'databricks-model-serving',
    label: PROVIDER_LABELS['databricks-model-serving'],
    configKey: 'databricks_model_serving_config',
    fields: [text('databricks_workspace_url', 'Databricks workspace URL', true, 'https://<workspace>.cloud.databricks.com')],
    authVariants: [{ id: 'token', label: 'API token', fields: [secret('databricks_api_token', 'Databricks API token')] }],
    tasks: ALL_TASKS,
    // The other workspace's serving endpoints; its pay-per-token ones are a likely pick.
    models: {
      'llm/v1/chat': [
        'databricks-claude-sonnet-4-5',
        'databricks-gpt-oss-120b',
        'databricks-meta-llama-3-3-70b-instruct',
        'databricks-llama-4-maverick',
        'databricks-meta-llama-3-1-8b-instruct',
        'databricks-gemma-3-12b',
      ],
      'llm/v1/embeddings': ['databricks-gte-large-en', 'databricks-bge-large-en'],
    },
  },
  {
    id: 'custom',
    provider: 'custom',
    label: PROVIDER_LABELS['custom'],
    configKey: 'custom_provider_config',
    fields: [text('custom_provider_url', 'Custom provider URL', true, 'https://my-llm.example.com/v1')],
    authVariants: [
      {
        id: 'bearer',
        label: 'Bearer token',
        group: 'bearer_token_auth',
        fields: [secret('token', 'Bearer token', 'bearer_token_auth')],
      },
      {
        id: 'api-key',
        label: 'API key',
        group: 'api_key_auth',
        fields: [
          { key: 'key', label: 'API key header', required: true, group: 'api_key_auth', placeholder: 'X-API-Key' },
          secret('value', 'API key value', 'api_key_auth'),
        ],
      },
    ],
    tasks: ALL_TASKS,
    models: {},
  },
]

export function providerById(id: string): ProviderEntry | undefined {
  return PROVIDERS.find((p) => p.id === id)
}

/** Which registry entry describes a stored external model (Azure OpenAI is `openai` with an Azure api type). */
export function providerFor(model: Pick<ExternalModel, 'provider'> & Partial<ExternalModel>): ProviderEntry | undefined {
  const id = providerIdOf(model)
  return id === undefined ? undefined : providerById(id)
}

function readField(config: ProviderConfig | undefined, field: ProviderField, suffix = ''): unknown {
  const holder = field.group ? config?.[field.group] : config
  if (!holder || typeof holder !== 'object') return undefined
  return holder[field.key + suffix]
}

/** The auth variant a stored config uses: the first whose fixed values and fields match. */
export function variantFor(entry: ProviderEntry, config: ProviderConfig | undefined): AuthVariant {
  const matches = entry.authVariants.find((v) => {
    if (v.fixed && Object.entries(v.fixed).some(([k, val]) => config?.[k] !== val)) return false
    if (v.group) return config?.[v.group] !== undefined
    return v.fields.some((f) => readField(config, f) !== undefined || readField(config, f, '_plaintext') !== undefined)
  })
  return matches ?? entry.authVariants[0]
}

/**
 * The fields a provider asks for under one auth variant, in the order the dialog shows them: required
 * ones first (the common ones, then the variant's), optional ones after.
 */
export function fieldsFor(entry: ProviderEntry, variant: AuthVariant): readonly ProviderField[] {
  const all = [...entry.fields, ...variant.fields]
  return [...all.filter((f) => f.required), ...all.filter((f) => !f.required)]
}

/** An auth variant by id; the provider's first (default) variant when the id is unknown or empty. */
export function variantById(entry: ProviderEntry, id: string | undefined): AuthVariant {
  return entry.authVariants.find((v) => v.id === id) ?? entry.authVariants[0]
}

/** Form path of a field, e.g. `openai_api_key` or `bearer_token_auth__token` (a dot would nest in a form library). */
export const fieldKey = (field: ProviderField): string => (field.group ? `${field.group}__${field.key}` : field.key)

/** Wire path of a field inside the provider config, e.g. `bearer_token_auth.token`. */
export const fieldPath = (field: ProviderField): string => (field.group ? `${field.group}.${field.key}` : field.key)

export interface FieldProblem {
  /** Dotted path from the provider config, e.g. `openai_api_key` or `bearer_token_auth.token`. */
  field: string
  message: string
}

function present(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

/**
 * What one provider field holds, wherever it comes from: the wire config (reference and `_plaintext`
 * twin) or the form (a secret's mode picks which of the two the typed value is).
 */
export interface FieldInput {
  /** A plain field's value, or a secret's reference. */
  value?: unknown
  /** A secret's plain-text value. */
  plaintext?: unknown
  /** Edit only: the server already holds this secret, so leaving it empty keeps it. */
  stored?: boolean
}

export const secretReferenceMessage = (field: ProviderField) =>
  `${field.label} must be a secret reference like {{secrets/<scope>/<key>}}.`

/**
 * The one per-field rule of the registry: required, well-formed secret reference, a listed option.
 * The mock (checkProviderConfig) and the form's schema both ask it, so they refuse the same values
 * with the same words.
 */
export function checkProviderField(field: ProviderField, { value, plaintext, stored = false }: FieldInput): string | undefined {
  if (field.secret) {
    if (present(value) && present(plaintext)) return `Provide only one of ${field.key} and ${field.key}_plaintext.`
    if (!present(value) && !present(plaintext)) return field.required && !stored ? `${field.label} is required.` : undefined
    if (present(value) && !SECRET_REFERENCE.test(value)) return secretReferenceMessage(field)
    return undefined
  }
  if (!present(value)) return field.required ? `${field.label} is required.` : undefined
  if (field.options && !field.options.some((o) => o.value === value)) {
    return `${field.label} must be one of ${field.options.map((o) => o.value).join(', ')}.`
  }
  return undefined
}

/** Checks one provider config against the registry, field by field (checkProviderField). */
export function checkProviderConfig(entry: ProviderEntry, config: ProviderConfig | undefined): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const field of fieldsFor(entry, variantFor(entry, config))) {
    const message = checkProviderField(field, {
      value: readField(config, field),
      plaintext: field.secret ? readField(config, field, '_plaintext') : undefined,
    })
    if (message) problems.push({ field: fieldPath(field), message })
  }
  return problems
}

/** Suggested model names for a provider and task (free text is allowed too). */
export function suggestedModels(entry: ProviderEntry, task: ExternalTask): readonly string[] {
  return entry.models[task] ?? []
}
