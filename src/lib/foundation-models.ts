// Databricks-hosted foundation models offered for provisioned throughput in the entity picker.
// The mock seeds the same system.ai models; the UI keeps its own list so it never imports the mock.
import type { ExternalTask } from '../api/types'

export interface PtModel {
  /** Unity Catalog name, sent as entity_name. */
  entity_name: string
  entity_version: string
  display_name: string
  task: ExternalTask
}

export const PT_MODELS: readonly PtModel[] = [
  {
    entity_name: 'system.ai.meta_llama_v3_3_70b_instruct',
    entity_version: '3',
    display_name: 'Meta Llama 3.3 70B Instruct',
    task: 'llm/v1/chat',
  },
  {
    entity_name: 'system.ai.llama_v3_2_3b_instruct',
    entity_version: '2',
    display_name: 'Meta Llama 3.2 3B Instruct',
    task: 'llm/v1/chat',
  },
  {
    entity_name: 'system.ai.gte_large_en_v1_5',
    entity_version: '1',
    display_name: 'GTE Large (En)',
    task: 'llm/v1/embeddings',
  },
]

/** Model units are bought in steps of this size. */
export const PT_UNIT_STEP = 50

export function ptModelFor(entityName: string | undefined): PtModel | undefined {
  return PT_MODELS.find((m) => m.entity_name === entityName)
}
