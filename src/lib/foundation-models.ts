// The one catalog of Databricks-hosted foundation models (system.ai.*): the UI's entity picker and the
// mock's seed and task lookup both read it, so a model's name, label and task live in one place.
import type { ExternalTask } from '../api/types'

export type FoundationTask = Extract<ExternalTask, 'llm/v1/chat' | 'llm/v1/embeddings'>

export interface CatalogModel {
  /** Unity Catalog name, sent as entity_name. */
  entity_name: string
  display_name: string
  task: FoundationTask
  /** Served pay-per-token from this workspace endpoint (Foundation Model APIs). */
  pay_per_token?: { endpoint: string; description: string }
  /** Offered for provisioned throughput at this version. */
  provisioned?: { entity_version: string; description: string }
}

export const FOUNDATION_MODELS: readonly CatalogModel[] = [
  {
    entity_name: 'system.ai.databricks-claude-sonnet-4-5',
    display_name: 'Claude Sonnet 4.5',
    task: 'llm/v1/chat',
    pay_per_token: {
      endpoint: 'databricks-claude-sonnet-4-5',
      description: "Anthropic's hybrid reasoning model for coding, agents and long documents.",
    },
  },
  {
    entity_name: 'system.ai.gpt-oss-120b',
    display_name: 'GPT OSS 120B',
    task: 'llm/v1/chat',
    pay_per_token: {
      endpoint: 'databricks-gpt-oss-120b',
      description: "OpenAI's open-weight reasoning model with 120B parameters.",
    },
  },
  {
    entity_name: 'system.ai.llama_v3_3_70b_instruct',
    display_name: 'Meta Llama 3.3 70B Instruct',
    task: 'llm/v1/chat',
    pay_per_token: {
      endpoint: 'databricks-meta-llama-3-3-70b-instruct',
      description: 'A multilingual instruction-tuned 70B model from Meta.',
    },
  },
  {
    entity_name: 'system.ai.meta_llama_v3_3_70b_instruct',
    display_name: 'Meta Llama 3.3 70B Instruct',
    task: 'llm/v1/chat',
    provisioned: { entity_version: '3', description: 'Provisioned throughput for Llama 3.3 70B Instruct.' },
  },
  {
    entity_name: 'system.ai.llama_v3_2_3b_instruct',
    display_name: 'Meta Llama 3.2 3B Instruct',
    task: 'llm/v1/chat',
    provisioned: { entity_version: '2', description: 'Provisioned throughput for Llama 3.2 3B Instruct.' },
  },
  {
    entity_name: 'system.ai.llama-4-maverick',
    display_name: 'Llama 4 Maverick',
    task: 'llm/v1/chat',
    pay_per_token: {
      endpoint: 'databricks-llama-4-maverick',
      description: "Meta's mixture-of-experts model with a long context window.",
    },
  },
  {
    entity_name: 'system.ai.meta_llama_v3_1_8b_instruct',
    display_name: 'Meta Llama 3.1 8B Instruct',
    task: 'llm/v1/chat',
    pay_per_token: {
      endpoint: 'databricks-meta-llama-3-1-8b-instruct',
      description: 'A small, fast instruction-tuned model from Meta.',
    },
  },
  {
    entity_name: 'system.ai.gemma-3-12b-it',
    display_name: 'Gemma 3 12B',
    task: 'llm/v1/chat',
    pay_per_token: {
      endpoint: 'databricks-gemma-3-12b',
      description: "Google's open 12B model tuned for instructions.",
    },
  },
  {
    entity_name: 'system.ai.gte_large_en_v1_5',
    display_name: 'GTE Large (En)',
    task: 'llm/v1/embeddings',
    pay_per_token: {
      endpoint: 'databricks-gte-large-en',
      description: 'English text embeddings with 1024 dimensions and an 8192-token context.',
    },
    provisioned: { entity_version: '1', description: 'Provisioned throughput for GTE Large embeddings.' },
  },
  {
    entity_name: 'system.ai.bge_large_en_v1_5',
    display_name: 'BGE Large (En)',
    task: 'llm/v1/embeddings',
    pay_per_token: {
      endpoint: 'databricks-bge-large-en',
      description: 'English text embeddings with 1024 dimensions.',
    },
  },
]

/** The catalog entry for a served entity's entity_name; undefined for anything not in the catalog. */
export function foundationModelFor(entityName: string | undefined): CatalogModel | undefined {
  return FOUNDATION_MODELS.find((m) => m.entity_name === entityName)
}

export interface PtModel {
  /** Unity Catalog name, sent as entity_name. */
  entity_name: string
  entity_version: string
  display_name: string
  task: FoundationTask
}

/** Foundation models offered for provisioned throughput in the entity picker, in catalog order. */
export const PT_MODELS: readonly PtModel[] = FOUNDATION_MODELS.flatMap((m) =>
  m.provisioned
    ? [
        {
          entity_name: m.entity_name,
          entity_version: m.provisioned.entity_version,
          display_name: m.display_name,
          task: m.task,
        },
      ]
    : [],
)

/** Model units are bought in steps of this size. */
export const PT_UNIT_STEP = 50

export function ptModelFor(entityName: string | undefined): PtModel | undefined {
  return PT_MODELS.find((m) => m.entity_name === entityName)
}
