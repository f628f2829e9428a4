// Provider and task names as people read them. The list and the details page need only these, not the
// whole provider registry (its fields, auth variants and model lists load with the form), so they live
// here and the registry takes its labels from them.
import type { ExternalModel, ExternalTask } from '../api/types'

export const TASK_LABELS: Record<ExternalTask, string> = {
  'llm/v1/chat': 'Chat',
  'llm/v1/completions': 'Completions',
  'llm/v1/embeddings': 'Embeddings',
}

/** By registry id (Azure OpenAI is its own entry, sharing the `openai` API provider). */
export const PROVIDER_LABELS = {
  openai: 'OpenAI',
  'azure-openai': 'Azure OpenAI',
  anthropic: 'Anthropic',
  cohere: 'Cohere',
  'amazon-bedrock': 'Amazon Bedrock',
  ai21labs: 'AI21 Labs',
  'google-cloud-vertex-ai': 'Google Cloud Vertex AI',
  palm: 'Google PaLM',
  'databricks-model-serving': 'Databricks Model Serving',
  custom: 'Custom provider',
} as const

export type RegistryId = keyof typeof PROVIDER_LABELS

const isRegistryId = (id: string): id is RegistryId => Object.hasOwn(PROVIDER_LABELS, id)

/** The registry id of a model's provider: an OpenAI config of type azure or azuread is Azure OpenAI. */
export function providerIdOf(model: Pick<ExternalModel, 'provider'> & Partial<ExternalModel>): RegistryId | undefined {
  if (model.provider === 'openai') {
    const type = model.openai_config?.openai_api_type
    return type === 'azure' || type === 'azuread' ? 'azure-openai' : 'openai'
  }
  return isRegistryId(model.provider) ? model.provider : undefined
}

/** "OpenAI", "Azure OpenAI", …; an unknown provider reads as its wire name. */
export function providerLabel(model: Pick<ExternalModel, 'provider'> & Partial<ExternalModel>): string {
  const id = providerIdOf(model)
  return id ? PROVIDER_LABELS[id] : model.provider
}
