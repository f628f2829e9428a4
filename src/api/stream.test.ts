import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { server } from '../mocks/node'
import { ApiError } from './client'
import { streamQuery } from './stream'

const CHAT = { messages: [{ role: 'user' as const, content: 'What is serving?' }] }

describe('streamQuery', () => {
  it('hands over each piece of the answer as it arrives and ends with the finish reason', async () => {
    const pieces: string[] = []
    const finish = await streamQuery('support-chat-gpt4o', CHAT, { onText: (piece) => pieces.push(piece) })
    expect(pieces.length).toBeGreaterThan(5)
    expect(pieces.join('')).toMatch(/^Here is a short answer from gpt-4o about "What is serving\?"/)
    expect(finish).toBe('stop')
  })

  it('rejects with the server error, as ApiError', async () => {
    const error = await streamQuery('databricks-gte-large-en', { input: 'x' }, { onText: () => {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, errorCode: 'INVALID_PARAMETER_VALUE' })
  })

  it('stops reading when aborted', async () => {
    server.setControls({ latencyMs: 20 })
    const controller = new AbortController()
    const pieces: string[] = []
    const done = streamQuery('support-chat-gpt4o', CHAT, {
      signal: controller.signal,
      onText: (piece) => {
        pieces.push(piece)
        if (pieces.length === 2) controller.abort()
      },
    })
    await expect(done).rejects.toThrow(/abort/i)
    expect(pieces).toHaveLength(2)
  })

  it('refuses an event that is not JSON', async () => {
    server.use(
      http.post(
        '*/serving-endpoints/:name/invocations',
        () => new HttpResponse('data: {oops\n\ndata: [DONE]\n\n', { headers: { 'content-type': 'text/event-stream' } }),
      ),
    )
    await expect(streamQuery('x', CHAT, { onText: () => {} })).rejects.toMatchObject({ errorCode: 'INVALID_RESPONSE' })
  })
})
