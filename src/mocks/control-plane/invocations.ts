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
    throw invalid(field, `A query takes at most ${max} ${what}; this one has ${list.length}. Send them in batches of ${max} or fewer.`)
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
    if (!valid) throw invalid('messages', "Each message needs a role (system, user or assistant) and a string content.")
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
  const field = ['dataframe_records', 'inputs', 'instances'].find((key) => body[key] !== undefined && body[key] !== null) ?? 'dataframe_records'
  const records = body[field]
  if (!Array.isArray(records)) {
    throw invalid('dataframe_records', "A custom model endpoint needs 'dataframe_records', 'inputs' or 'instances'.")
  }
  checkCount(records, MAX_RECORDS, field, 'records')
  return { predictions: records.map((r) => Math.round(((hash(JSON.stringify(r)) >>> 0) % 1000) / 10) / 100) }
}

/** Answers a query to a ready endpoint from the served entity that takes its traffic. */
export function invokeEndpoint(
  endpoint: ServingEndpointDetailed,
  body: unknown,
  now: number,
): { response: QueryResponse; servedEntity: string } {
  if (endpoint.permission_level === 'CAN_VIEW') {
    throw new ControlPlaneError(
      'PERMISSION_DENIED',
      `User ${CURRENT_USER} does not have permission 'CAN_QUERY' on serving endpoint '${endpoint.name}'.`,
    )
  }
  if (endpoint.state.ready !== 'READY' || !endpoint.config) {
    throw new ControlPlaneError('BAD_REQUEST', `Endpoint '${endpoint.name}' is not ready: it can be queried once its state is Ready.`)
  }
  const { served_entities: entities, traffic_config: traffic } = endpoint.config
  const served = traffic.routes.find((r) => r.traffic_percentage > 0)?.served_entity_name ?? entities[0].name
  const entity = entities.find((e) => e.name === served) ?? entities[0]
  const task = endpoint.task ?? entity.external_model?.task
  const model = entity.external_model?.name ?? entity.foundation_model?.name ?? entity.entity_name ?? entity.name
  return { response: answer(task, model, body, now), servedEntity: entity.name }
}
