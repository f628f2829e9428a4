import { describe, expect, it } from 'vitest'
import type { QueryResponse } from '../../api/types'
import { pieces, sseEvents, streamChunks, wantsStream } from './streaming'

const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 }
const chat: QueryResponse = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there,  world!' }, finish_reason: 'stop' }],
  usage,
}

describe('streaming', () => {
  it('cuts a text into word pieces that join back to it', () => {
    expect(pieces('Hello there,  world!')).toEqual(['Hello', ' there,', '  world!'])
    expect(pieces(' a b').join('')).toBe(' a b')
    expect(pieces('')).toEqual([])
  })

  it('streams a chat answer: role first, a delta per word, the finish reason and usage last', () => {
    const chunks = streamChunks(chat) ?? []
    expect(chunks.map((c) => c.choices)).toEqual([
      [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      [{ index: 0, delta: { content: 'Hello' }, finish_reason: null }],
      [{ index: 0, delta: { content: ' there,' }, finish_reason: null }],
      [{ index: 0, delta: { content: '  world!' }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: 'stop' }],
    ])
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === 'chatcmpl-1' && c.model === 'gpt-4o')).toBe(true)
    expect(chunks.at(-1)?.usage).toEqual(usage)
  })

  it('streams every choice of a completion, then one chunk with their finish reasons', () => {
    const chunks =
      streamChunks({
        id: 'cmpl-1',
        object: 'text_completion',
        created: 1,
        model: 'm',
        choices: [
          { index: 0, text: ' a b', finish_reason: 'stop' },
          { index: 1, text: ' c', finish_reason: 'length' },
        ],
        usage,
      }) ?? []
    expect(chunks.map((c) => c.choices)).toEqual([
      [{ index: 0, text: ' a', finish_reason: null, logprobs: null }],
      [{ index: 0, text: ' b', finish_reason: null, logprobs: null }],
      [{ index: 1, text: ' c', finish_reason: null, logprobs: null }],
      [
        { index: 0, text: '', finish_reason: 'stop', logprobs: null },
        { index: 1, text: '', finish_reason: 'length', logprobs: null },
      ],
    ])
  })

  it('does not stream embeddings or predictions', () => {
    expect(streamChunks({ object: 'list', model: 'm', data: [], usage })).toBeUndefined()
    expect(streamChunks({ predictions: [1] })).toBeUndefined()
  })

  it('writes one data event per chunk and ends with [DONE]', () => {
    expect(sseEvents([{ a: 1 }, { b: 'x\ny' }])).toEqual(['data: {"a":1}\n\n', 'data: {"b":"x\\ny"}\n\n', 'data: [DONE]\n\n'])
  })

  it('reads stream as a boolean and refuses anything else', () => {
    expect(wantsStream({ stream: true })).toBe(true)
    expect(wantsStream({ stream: false })).toBe(false)
    expect(wantsStream({})).toBe(false)
    expect(() => wantsStream({ stream: 1 })).toThrow("'stream' must be true or false.")
  })
})
