// The Query endpoint dialog's request body: an example per task, parsed back before sending.
import type { QueryRequest, QueryResponse, ServingEndpointDetailed } from '../../api/types'
import { activeTask } from './served-entity-text'

/** A custom model's query as a pandas data frame in split orientation, the format the docs' examples use. */
export interface DataframeSplitRequest {
  dataframe_split: { columns: string[]; data: unknown[][]; index?: unknown[] }
}

export function exampleRequest(
  endpoint: Pick<ServingEndpointDetailed, 'task' | 'config' | 'pending_config'>,
): QueryRequest | DataframeSplitRequest {
  // Queries reach the active config while one serves, so its task shapes the example.
  const entities = endpoint.config?.served_entities ?? endpoint.pending_config?.served_entities ?? []
  const task = activeTask(endpoint) ?? entities.find((e) => e.external_model)?.external_model?.task
  switch (task) {
    case 'llm/v1/chat':
      return {
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: 'What is Databricks Model Serving?' },
        ],
        max_tokens: 256,
      }
    case 'llm/v1/completions':
      return { prompt: 'Write one sentence about model serving.', max_tokens: 64 }
    case 'llm/v1/embeddings':
      return { input: ['Databricks Model Serving'] }
    default:
      return { dataframe_split: { columns: ['feature_1', 'feature_2'], data: [[0.5, 'a']] } }
  }
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
}

export type ParsedRequest = { ok: true; body: QueryRequest } | { ok: false; message: string }

export function parseRequest(text: string): ParsedRequest {
  if (text.trim() === '') return { ok: false, message: 'Enter a request body in JSON.' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { ok: false, message: `The request body is not valid JSON: ${detail}` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The request body must be a JSON object, like {"messages": [...]}.' }
  }
  return { ok: true, body: value as QueryRequest }
}

/** The readable part of an answer (assistant message, completion text), when there is one. */
export function answerText(response: QueryResponse): string | undefined {
  if ('object' in response) {
    if (response.object === 'chat.completion') return response.choices[0]?.message.content
    if (response.object === 'text_completion') return response.choices.map((c) => c.text.trim()).join('\n')
    if (response.object === 'list') {
      const first = response.data[0]
      return first ? `${response.data.length} embedding(s) of ${first.embedding.length} dimensions.` : undefined
    }
  }
  return undefined
}
