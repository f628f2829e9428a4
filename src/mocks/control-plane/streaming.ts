// Streamed answers: a whole answer cut into OpenAI stream chunks, and the server-sent events that carry them.
import type { QueryResponse } from '../../api/types'
import { invalid } from './errors'
import { isRecord } from './validation'

/** One chunk of an OpenAI stream: `chat.completion.chunk` deltas, or `text_completion` pieces. */
export type StreamChunk = Record<string, unknown>

/** The sentinel that ends an OpenAI stream. */
export const DONE = '[DONE]'

/** Whether the request asks for a stream; `stream` must be a boolean when given. */
export function wantsStream(body: unknown): boolean {
  if (!isRecord(body) || body.stream === undefined || body.stream === null) return false
  if (typeof body.stream !== 'boolean') throw invalid('stream', "'stream' must be true or false.")
  return body.stream
}

/** The pieces a text streams in: each word with the spaces before it, so the pieces join back to the text. */
export function pieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? []
}

/**
 * The chunks that stream this answer, or undefined when its kind does not stream (embeddings,
 * custom models). A first chunk names the role, one chunk carries each word, a last one the finish
 * reason and the usage.
 */
export function streamChunks(response: QueryResponse): StreamChunk[] | undefined {
  if (!('object' in response)) return undefined
  if (response.object === 'chat.completion') {
    const { id, created, model, usage } = response
    const head = { id, object: 'chat.completion.chunk', created, model }
    return response.choices.flatMap(({ index, message, finish_reason }) => [
      { ...head, choices: [{ index, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      ...pieces(message.content).map((content) => ({ ...head, choices: [{ index, delta: { content }, finish_reason: null }] })),
      { ...head, choices: [{ index, delta: {}, finish_reason }], usage },
    ])
  }
  if (response.object === 'text_completion') {
    const { id, created, model, usage } = response
    const head = { id, object: 'text_completion', created, model }
    const words = response.choices.flatMap(({ index, text }) =>
      pieces(text).map((piece) => ({ ...head, choices: [{ index, text: piece, finish_reason: null, logprobs: null }] })),
    )
    const last = {
      ...head,
      choices: response.choices.map(({ index, finish_reason }) => ({ index, text: '', finish_reason, logprobs: null })),
      usage,
    }
    return [...words, last]
  }
  return undefined
}

/** What a request for a stream of this answer is refused with: only chat and completions stream. */
export function streamRefusal(endpoint: string, response: QueryResponse) {
  const kind = 'object' in response && response.object === 'list' ? 'an embeddings' : 'a custom model'
  return invalid(
    'stream',
    `Streaming is available for chat and completions endpoints only; '${endpoint}' is ${kind} endpoint. Send the request without "stream": true.`,
  )
}

/** The server-sent events of a stream: one `data:` event per chunk, then `data: [DONE]`. */
export function sseEvents(chunks: readonly StreamChunk[]): string[] {
  return [...chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`), `data: ${DONE}\n\n`]
}
