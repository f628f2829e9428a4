import { describe, expect, it } from 'vitest'
import type { DatabricksErrorBody } from '../api/types'
import { clock, controlPlane, server } from './node'

async function post(path: string, body: unknown): Promise<{ status: number; type: string; text: string }> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

const json = <T = Record<string, unknown>>(text: string) => JSON.parse(text) as T
const error = (text: string) => json<DatabricksErrorBody>(text)

/** The `data:` payloads of a server-sent event stream, in order. */
function events(text: string): string[] {
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => event.replace(/^data: /, ''))
}

const CHAT = { messages: [{ role: 'user', content: 'What is serving?' }] }

function createCompletionsEndpoint(name = 'text-davinci') {
  controlPlane.create({
    name,
    config: {
      served_entities: [
        {
          name: 'gpt-35-instruct',
          external_model: {
            name: 'gpt-3.5-turbo-instruct',
            provider: 'openai',
            task: 'llm/v1/completions',
            openai_config: { openai_api_key: '{{secrets/scope/key}}' },
          },
        },
      ],
    },
  })
  clock.advance(10 * 60_000)
  return name
}

describe('POST /serving-endpoints/{name}/invocations with "stream": true', () => {
  it('streams a chat answer as chat.completion.chunk deltas, a finish reason, then [DONE]', async () => {
    const answer = await post('/serving-endpoints/support-chat-gpt4o/invocations', { ...CHAT, stream: true })
    expect(answer.status).toBe(200)
    expect(answer.type).toMatch(/^text\/event-stream/)
    const data = events(answer.text)
    expect(data.at(-1)).toBe('[DONE]')
    const chunks = data
      .slice(0, -1)
      .map((d) =>
        json<{ object: string; choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[] }>(d),
      )
    expect(chunks.length).toBeGreaterThan(3)
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true)
    expect(chunks[0].choices[0].delta.role).toBe('assistant')
    expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true)
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop')
    const streamed = chunks.map((c) => c.choices[0].delta.content ?? '').join('')
    const whole = await post('/serving-endpoints/support-chat-gpt4o/invocations', CHAT)
    expect(streamed).toBe(json<{ choices: { message: { content: string } }[] }>(whole.text).choices[0].message.content)
  })

  it('streams a completion as text_completion pieces', async () => {
    const name = createCompletionsEndpoint()
    const answer = await post(`/serving-endpoints/${name}/invocations`, { prompt: 'Say hi', stream: true })
    expect(answer.type).toMatch(/^text\/event-stream/)
    const chunks = events(answer.text)
      .slice(0, -1)
      .map((d) => json<{ object: string; choices: { text: string; finish_reason: string | null }[] }>(d))
    expect(chunks.every((c) => c.object === 'text_completion')).toBe(true)
    expect(chunks.map((c) => c.choices[0].text).join('')).toMatch(/^ Here is a short answer/)
    expect(chunks.at(-1)?.choices[0].finish_reason).toBe('stop')
  })

  it('answers JSON as before without stream, or with "stream": false', async () => {
    const answer = await post('/serving-endpoints/support-chat-gpt4o/invocations', { ...CHAT, stream: false })
    expect(answer.type).toMatch(/^application\/json/)
    expect(json(answer.text).object).toBe('chat.completion')
  })

  it.each([
    [
      'an embeddings endpoint',
      'databricks-gte-large-en',
      { input: 'hello' },
      /'databricks-gte-large-en' is an embeddings endpoint/,
    ],
    [
      'a custom model',
      'churn-predictor',
      { dataframe_split: { columns: ['a'], data: [[1]] } },
      /'churn-predictor' is a custom model endpoint/,
    ],
  ])('refuses a stream from %s with a 400 naming stream', async (_what, name, body, message) => {
    const answer = await post(`/serving-endpoints/${name}/invocations`, { ...body, stream: true })
    expect(answer.status).toBe(400)
    expect(error(answer.text).message).toMatch(message)
    expect(error(answer.text).details?.[0].metadata.field).toBe('stream')
  })

  it('refuses a stream value that is not a boolean', async () => {
    const answer = await post('/serving-endpoints/support-chat-gpt4o/invocations', { ...CHAT, stream: 'yes' })
    expect(answer.status).toBe(400)
    expect(error(answer.text)).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "'stream' must be true or false.",
    })
  })

  it('still refuses a bad chat body with JSON before any stream starts', async () => {
    const answer = await post('/serving-endpoints/support-chat-gpt4o/invocations', { messages: [], stream: true })
    expect(answer.status).toBe(400)
    expect(answer.type).toMatch(/^application\/json/)
  })
})

describe('OpenAI-compatible routes (model = endpoint name)', () => {
  it('POST /serving-endpoints/chat/completions answers a chat completion', async () => {
    const answer = await post('/serving-endpoints/chat/completions', { model: 'databricks-gpt-oss-120b', ...CHAT })
    expect(answer.status).toBe(200)
    expect(json(answer.text)).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant' } }] })
  })

  it('POST /serving-endpoints/completions answers a completion', async () => {
    const name = createCompletionsEndpoint()
    const answer = await post('/serving-endpoints/completions', { model: name, prompt: 'Say hi' })
    expect(json(answer.text)).toMatchObject({ object: 'text_completion' })
  })

  it('POST /serving-endpoints/embeddings answers embeddings', async () => {
    const answer = await post('/serving-endpoints/embeddings', { model: 'databricks-gte-large-en', input: ['a', 'b'] })
    expect(json<{ object: string; data: unknown[] }>(answer.text)).toMatchObject({ object: 'list' })
    expect(json<{ data: unknown[] }>(answer.text).data).toHaveLength(2)
  })

  it('answers base64 float32 vectors for encoding_format base64, as the OpenAI client asks by default', async () => {
    const floats = await post('/serving-endpoints/embeddings', { model: 'databricks-gte-large-en', input: 'a' })
    const packed = await post('/serving-endpoints/embeddings', {
      model: 'databricks-gte-large-en',
      input: 'a',
      encoding_format: 'base64',
    })
    const vector = json<{ data: { embedding: number[] }[] }>(floats.text).data[0].embedding
    const base64 = json<{ data: { embedding: string }[] }>(packed.text).data[0].embedding
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const view = new DataView(bytes.buffer)
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true))
    expect(decoded).toHaveLength(vector.length)
    decoded.forEach((value, i) => expect(value).toBeCloseTo(vector[i], 6))
    const bad = await post('/serving-endpoints/embeddings', {
      model: 'databricks-gte-large-en',
      input: 'a',
      encoding_format: 'hex',
    })
    expect(bad.status).toBe(400)
    expect(error(bad.text).message).toBe("'encoding_format' must be 'float' or 'base64'.")
  })

  it('streams on chat/completions', async () => {
    const answer = await post('/serving-endpoints/chat/completions', { model: 'databricks-gpt-oss-120b', ...CHAT, stream: true })
    expect(answer.type).toMatch(/^text\/event-stream/)
    expect(events(answer.text).at(-1)).toBe('[DONE]')
  })

  it('answers 404 with a message for an unknown endpoint', async () => {
    const answer = await post('/serving-endpoints/chat/completions', { model: 'no-such-endpoint', ...CHAT })
    expect(answer.status).toBe(404)
    const message = "Serving endpoint with name 'no-such-endpoint' does not exist."
    // Databricks' error shape, and the `error` object the OpenAI client takes its message from.
    expect(json(answer.text)).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message,
      error: { message, code: 'RESOURCE_DOES_NOT_EXIST' },
    })
  })

  it('answers 400 when the endpoint serves another task', async () => {
    const answer = await post('/serving-endpoints/chat/completions', { model: 'databricks-gte-large-en', ...CHAT })
    expect(answer.status).toBe(400)
    expect(error(answer.text).message).toBe(
      "Endpoint 'databricks-gte-large-en' is an embeddings endpoint; POST /serving-endpoints/chat/completions queries a chat endpoint. Use its route, or /serving-endpoints/databricks-gte-large-en/invocations.",
    )
    const custom = await post('/serving-endpoints/embeddings', { model: 'churn-predictor', input: 'x' })
    expect(error(custom.text).message).toMatch(/'churn-predictor' is a custom model endpoint/)
  })

  it('answers 400 naming model when it is missing', async () => {
    const answer = await post('/serving-endpoints/embeddings', { input: 'x' })
    expect(answer.status).toBe(400)
    expect(error(answer.text).details?.[0].metadata.field).toBe('model')
  })

  it('refuses a stream on embeddings', async () => {
    const answer = await post('/serving-endpoints/embeddings', { model: 'databricks-gte-large-en', input: 'x', stream: true })
    expect(answer.status).toBe(400)
  })

  it('still answers the invocations route of an endpoint named like a route', async () => {
    server.setControls({ latencyMs: 0 })
    const answer = await post('/serving-endpoints/embeddings/invocations', { input: 'x' })
    expect(error(answer.text).error_code).toBe('RESOURCE_DOES_NOT_EXIST')
  })
})
