// Contract test: the official OpenAI client, pointed at <workspace>/serving-endpoints as Databricks
// documents, drives the mock server over a real socket (model = the serving endpoint's name).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import OpenAI, { NotFoundError, BadRequestError } from 'openai'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

async function startServer() {
  // A little latency per streamed chunk, so the stream arrives in pieces as it would from a workspace.
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['src/mocks/cli.ts', '--port', '0', '--latency-ms', '5'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((resolveUrl, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`mock server did not start: ${out}`)), 20_000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`mock server exited with ${code}: ${out}`)))
  })
  return { child, url }
}

describe('OpenAI client against the mock server', () => {
  let server
  let client

  before(async () => {
    server = await startServer()
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
