// A streamed query: POST …/invocations with "stream": true, read as server-sent events (OpenAI chunks).
import { createParser } from 'eventsource-parser'
import { ApiError, toApiError } from './client'
import type { QueryRequest } from './types'

interface StreamChunk {
  choices?: { index?: number; delta?: { content?: string | null }; text?: string; finish_reason?: string | null }[]
}

export interface StreamOptions {
  signal?: AbortSignal
  /** Called with each piece of the answer as it arrives. */
  onText: (piece: string) => void
}

/** Streams the answer of a chat or completions endpoint; resolves with the finish reason once `[DONE]` arrives. */
export async function streamQuery(
  name: string,
  body: QueryRequest,
  { signal, onText }: StreamOptions,
): Promise<string | undefined> {
  let response: Response
  try {
    response = await fetch(`/serving-endpoints/${encodeURIComponent(name)}/invocations`, {
      method: 'POST',
      signal,
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ ...body, stream: true }),
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server. Check your connection and try again.')
  }
  if (!response.ok) throw await toApiError(response)
  if (!response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    throw new ApiError(response.status, 'INVALID_RESPONSE', 'The endpoint answered without a stream of events.')
  }
  let finish: string | undefined
  let malformed = false
  const parser = createParser({
    onEvent: ({ data }) => {
      if (data === '[DONE]') return
      try {
        const chunk = JSON.parse(data) as StreamChunk
        for (const choice of chunk.choices ?? []) {
          const piece = choice.delta?.content ?? choice.text
          if (piece) onText(piece)
          finish = choice.finish_reason ?? finish
        }
      } catch {
        malformed = true
      }
    },
  })
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  // Not every fetch (msw/node's among them) ends a body already flowing when its signal aborts.
  const cancel = () => void reader.cancel().catch(() => {})
  signal?.addEventListener('abort', cancel)
  try {
    for (;;) {
      const read = await reader.read()
      if (read.done || signal?.aborted) break
      parser.feed(decoder.decode(read.value, { stream: true }))
    }
  } catch (error) {
    if (!signal?.aborted) throw new ApiError(0, 'NETWORK_ERROR', 'The connection dropped while the answer was streaming.')
    throw error
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
  signal?.throwIfAborted()
  if (malformed) throw new ApiError(response.status, 'INVALID_RESPONSE', 'The stream held an event that is not JSON.')
  return finish
}
