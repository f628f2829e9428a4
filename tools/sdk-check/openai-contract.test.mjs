// Contract test: the official OpenAI client, pointed at <workspace>/serving-endpoints as Databricks
// documents, drives the mock server over a real socket (model = the serving endpoint's name).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import OpenAI, { NotFoundError, BadRequestError } from 'openai'
import { startServer } from './mock-server.mjs'

describe('OpenAI client against the mock server', () => {
  let server
  let client

  before(async () => {
    // A little latency per streamed chunk, so the stream arrives in pieces as it would from a workspace.
    server = await startServer(['--latency-ms', '5'])
    client = new OpenAI({ apiKey: 'dapi-openai-contract', baseURL: `${server.url}/serving-endpoints`, maxRetries: 0 })
  })
  after(() => server?.child.kill())

  it('chat.completions.create answers from a chat endpoint', async () => {
    const completion = await client.chat.completions.create({
      model: 'databricks-meta-llama-3-3-70b-instruct',
      messages: [{ role: 'user', content: 'What is Databricks Model Serving?' }],
      max_tokens: 64,
    })
    assert.equal(completion.object, 'chat.completion')
    assert.equal(completion.choices[0].message.role, 'assistant')
    assert.match(completion.choices[0].message.content, /What is Databricks Model Serving\?/)
    assert.ok(completion.usage.total_tokens > 0)
  })

  it('embeddings.create answers one vector per input', async () => {
    const embeddings = await client.embeddings.create({ model: 'databricks-gte-large-en', input: ['a', 'b'] })
    assert.equal(embeddings.data.length, 2)
    assert.equal(embeddings.data[0].embedding.length, 1024)
  })

  it('a stream arrives chunk by chunk and joins to the whole answer', async () => {
    const request = { model: 'databricks-gpt-oss-120b', messages: [{ role: 'user', content: 'Tell me about serving' }] }
    const stream = await client.chat.completions.create({ ...request, stream: true })
    const deltas = []
    let finish
    for await (const chunk of stream) {
      assert.equal(chunk.object, 'chat.completion.chunk')
      deltas.push(chunk.choices[0].delta.content ?? '')
      finish = chunk.choices[0].finish_reason ?? finish
    }
    assert.ok(deltas.length > 5, `expected many chunks, got ${deltas.length}`)
    assert.equal(finish, 'stop')
    const whole = await client.chat.completions.create(request)
    assert.equal(deltas.join(''), whole.choices[0].message.content)
  })

  it("an unknown endpoint's 404 surfaces as NotFoundError with the server's message", async () => {
    await assert.rejects(
      client.chat.completions.create({ model: 'no-such-endpoint', messages: [{ role: 'user', content: 'hi' }] }),
      (error) => {
        assert.ok(error instanceof NotFoundError, `expected NotFoundError, got ${error?.constructor?.name}`)
        assert.equal(error.status, 404)
        assert.match(error.message, /no-such-endpoint/)
        return true
      },
    )
  })

  it('a chat request to an embeddings endpoint is a BadRequestError', async () => {
    await assert.rejects(
      client.chat.completions.create({ model: 'databricks-gte-large-en', messages: [{ role: 'user', content: 'hi' }] }),
      (error) => error instanceof BadRequestError && /embeddings endpoint/.test(error.message),
    )
  })
})
