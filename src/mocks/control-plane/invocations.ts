// Plausible OpenAI-shaped answers, deterministic for a given request.
import type { ChatMessage, QueryResponse, ServingEndpointDetailed } from '../../api/types'
import { ControlPlaneError, invalid } from './errors'
import { isRecord } from './validation'
import { CURRENT_USER, hash } from './seed'

/** Inputs per embeddings request: the batch bound Databricks gives for its GTE and BGE models. */
export const MAX_EMBEDDING_INPUTS = 150
/** Ours (Databricks documents only the 16 MB payload): bounds the answer a list of prompts or records builds. */
export const MAX_COMPLETION_PROMPTS = 150
export const MAX_RECORDS = 10_000

function checkCount(list: unknown[], max: number, field: string, what: string): void {
  if (list.length > max) {
    throw invalid(
      field,
      `A query takes at most ${max} ${what}; this one has ${list.length}. Send them in batches of ${max} or fewer.`,
    )
  }
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

function chatAnswer(question: string, model: string): string {
  const topic = question.trim().replace(/\s+/g, ' ').slice(0, 80)
  return topic
    ? `Here is a short answer from ${model} about "${topic}": it depends on your data, so start small, measure, and iterate.`
    : `Hello from ${model}. Ask me anything.`
}

function embedding(text: string, dims: number): number[] {
  const out: number[] = []
  let seed = hash(text) >>> 0
  let norm = 0
  for (let i = 0; i < dims; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
    const value = seed / 2 ** 32 - 0.5
    out.push(value)
    norm += value * value
  }
  const scale = 1 / Math.sqrt(norm || 1)
  return out.map((v) => Math.round(v * scale * 1e6) / 1e6)
}

export function answer(task: string | undefined, model: string, body: unknown, now: number): QueryResponse {
  if (!isRecord(body)) throw invalid('body', 'The request body must be a JSON object.')
  const created = Math.floor(now / 1000)
  const id = `chatcmpl-${(hash(JSON.stringify(body)) >>> 0).toString(36)}`
  if (task === 'llm/v1/chat') {
    const messages = body.messages
    if (!Array.isArray(messages) || messages.length === 0) {
      throw invalid('messages', "A chat endpoint needs 'messages': a non-empty list of {role, content}.")
    }
    const valid = messages.every(
      (m) => isRecord(m) && typeof m.content === 'string' && ['system', 'user', 'assistant'].includes(String(m.role)),
    )
    if (!valid) throw invalid('messages', 'Each message needs a role (system, user or assistant) and a string content.')
    const last = (messages as ChatMessage[]).filter((m) => m.role === 'user').pop()
    const content = chatAnswer(last?.content ?? '', model)
    const prompt = messages.reduce((n: number, m: ChatMessage) => n + words(m.content), 0)
    const completion = words(content)
    return {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    }
  }
  if (task === 'llm/v1/completions') {
    const prompt = body.prompt
    if (typeof prompt !== 'string' && !Array.isArray(prompt)) {
      throw invalid('prompt', "A completions endpoint needs 'prompt': a string or a list of strings.")
    }
    if (Array.isArray(prompt)) checkCount(prompt, MAX_COMPLETION_PROMPTS, 'prompt', 'prompts')
    const prompts = (Array.isArray(prompt) ? prompt : [prompt]).map(String)
    const choices = prompts.map((p, index) => ({
      index,
      text: ` ${chatAnswer(p, model)}`,
      finish_reason: 'stop',
    }))
    const promptTokens = prompts.reduce((n, p) => n + words(p), 0)
    const completion = choices.reduce((n, c) => n + words(c.text), 0)
    return {
      id: id.replace('chatcmpl', 'cmpl'),
      object: 'text_completion',
      created,
      model,
      choices,
      usage: { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion },
    }
  }
  if (task === 'llm/v1/embeddings') {
    const input = body.input
    if (typeof input !== 'string' && !Array.isArray(input)) {
      throw invalid('input', "An embeddings endpoint needs 'input': a string or a list of strings.")
    }
    if (Array.isArray(input)) checkCount(input, MAX_EMBEDDING_INPUTS, 'input', 'embeddings inputs')
    const inputs = (Array.isArray(input) ? input : [input]).map(String)
    const tokens = inputs.reduce((n, t) => n + words(t), 0)
    return {
      object: 'list',
      model,
      data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: embedding(text, 1024) })),
      usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens },
    }
  }
  const rows = customModelRows(body)
  return { predictions: rows.map((r) => Math.round(((hash(JSON.stringify(r)) >>> 0) % 1000) / 10) / 100) }
}

/** The four request formats Databricks documents for custom models (MLflow's scoring protocol). */
export const CUSTOM_MODEL_FORMATS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const

const SPLIT_KEYS = ['columns', 'data', 'index']

/**
 * The rows of a custom-model query, one per prediction. Rows of a data frame become objects of
 * column to value, so the same row sent split or as a record gets the same prediction.
 */
function customModelRows(body: Record<string, unknown>): unknown[] {
  const given = CUSTOM_MODEL_FORMATS.filter((key) => body[key] !== undefined && body[key] !== null)
  if (given.length === 0) {
    throw invalid(
      'dataframe_split',
      "A custom model endpoint needs one of 'dataframe_split', 'dataframe_records', 'instances' or 'inputs'.",
    )
  }
  if (given.length > 1) {
    throw invalid(given[1], `A query takes exactly one input format; this one has ${given.map((f) => `'${f}'`).join(' and ')}.`)
  }
  const format = given[0]
  const value = body[format]
  if (format === 'dataframe_split') return splitRows(value)
  if (format === 'dataframe_records') {
    if (!Array.isArray(value))
      throw invalid(format, "'dataframe_records' must be a list of records, one object of column to value per row.")
    checkCount(value, MAX_RECORDS, format, 'records')
    const bad = value.findIndex((r) => !isRecord(r))
    if (bad >= 0)
      throw invalid(`${format}[${bad}]`, `Record ${bad + 1} of 'dataframe_records' must be an object of column to value.`)
    return value
  }
  if (format === 'instances') {
    if (!Array.isArray(value)) throw invalid(format, "'instances' must be a list of rows (tensor input in row format).")
    checkCount(value, MAX_RECORDS, format, 'records')
    return value
  }
  if (Array.isArray(value)) {
    checkCount(value, MAX_RECORDS, format, 'records')
    return value
  }
  if (!isRecord(value)) throw invalid(format, "'inputs' must be a list of rows, or an object of column name to a list of values.")
  return columnRows(value)
}

/** `inputs` in columnar form: each column a list of one value per row (or every column one value: one row). */
function columnRows(columns: Record<string, unknown>): unknown[] {
  const names = Object.keys(columns)
  if (names.length === 0) throw invalid('inputs', "'inputs' needs at least one column.")
  const lists = names.filter((n) => Array.isArray(columns[n]))
  if (lists.length === 0) return [columns]
  const length = (columns[lists[0]] as unknown[]).length
  checkCount(columns[lists[0]] as unknown[], MAX_RECORDS, `inputs.${lists[0]}`, 'records')
  const odd = names.find((n) => !Array.isArray(columns[n]) || (columns[n] as unknown[]).length !== length)
  if (odd !== undefined) {
    throw invalid(
      `inputs.${odd}`,
      `Column '${odd}' of 'inputs' must be a list of ${length} values, one per row, like column '${lists[0]}'.`,
    )
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(names.map((n) => [n, (columns[n] as unknown[])[i]])))
}

/** `dataframe_split`: pandas' split orientation, `{columns, data, index?}`. */
function splitRows(value: unknown): unknown[] {
  const field = 'dataframe_split'
  if (!isRecord(value))
    throw invalid(
      field,
      '\'dataframe_split\' must be an object: {"columns": [...], "data": [[...], ...]}, with an optional index.',
    )
  const unknown = Object.keys(value).find((key) => !SPLIT_KEYS.includes(key))
  if (unknown !== undefined)
    throw invalid(`${field}.${unknown}`, `Unknown field '${field}.${unknown}': a split data frame has columns, data and index.`)
  const { columns, data, index } = value
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) {
    throw invalid(`${field}.columns`, "'dataframe_split.columns' must be a list of column names.")
  }
  if (!Array.isArray(data))
    throw invalid(`${field}.data`, "'dataframe_split.data' must be a list of rows, each a list of values.")
  checkCount(data, MAX_RECORDS, `${field}.data`, 'records')
  const names = columns as string[]
  const bad = data.findIndex((row) => !Array.isArray(row) || row.length !== names.length)
  if (bad >= 0) {
    throw invalid(
      `${field}.data[${bad}]`,
      `Row ${bad + 1} of 'dataframe_split.data' must be a list of ${names.length} values, one per column.`,
    )
  }
  if (index !== undefined && index !== null && (!Array.isArray(index) || index.length !== data.length)) {
    throw invalid(`${field}.index`, `'dataframe_split.index' must be a list of ${data.length} labels, one per row.`)
  }
  return (data as unknown[][]).map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])))
}

/** Answers a query to a ready endpoint from the served entity that takes its traffic. */
export function invokeEndpoint(
  endpoint: ServingEndpointDetailed,
  body: unknown,
  now: number,
  /** The served entity the traffic split picked (metrics.ts); else the first route with traffic. */
  pick?: string,
): { response: QueryResponse; servedEntity: string } {
  if (endpoint.permission_level === 'CAN_VIEW') {
    throw new ControlPlaneError(
      'PERMISSION_DENIED',
      `User ${CURRENT_USER} does not have permission 'CAN_QUERY' on serving endpoint '${endpoint.name}'.`,
    )
  }
  if (endpoint.state.ready !== 'READY' || !endpoint.config) {
    throw new ControlPlaneError(
      'BAD_REQUEST',
      `Endpoint '${endpoint.name}' is not ready: it can be queried once its state is Ready.`,
    )
  }
  const { served_entities: entities, traffic_config: traffic } = endpoint.config
  const served = pick ?? traffic.routes.find((r) => r.traffic_percentage > 0)?.served_entity_name ?? entities[0].name
  const entity = entities.find((e) => e.name === served) ?? entities[0]
  const task = endpoint.task ?? entity.external_model?.task
  const model = entity.external_model?.name ?? entity.foundation_model?.name ?? entity.entity_name ?? entity.name
  return { response: answer(task, model, body, now), servedEntity: entity.name }
}
