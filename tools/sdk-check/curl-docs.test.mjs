// A second real client: curl, sending the REST calls of the Databricks Model Serving docs
// (curl-docs.sh), twice at once in two mock sessions. The request journal says what arrived.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { startServer } from './mock-server.mjs'

const run = promisify(execFile)
const script = resolve(dirname(fileURLToPath(import.meta.url)), 'curl-docs.sh')
const TOKEN = 'dapi-curl-docs'
let server

async function journal(session) {
  const response = await fetch(`${server.url}/__mock/requests`, {
    headers: { Authorization: `Bearer ${TOKEN}`, 'X-Mock-Session': session },
  })
  return (await response.json()).requests
}

describe('curl with the Databricks docs’ REST calls against the mock server', () => {
  before(async () => {
    // Rollouts of an hour: the script only sees a ready endpoint because it moves the mock's clock.
    server = await startServer(['--deploy-ms', '3600000', '--update-ms', '3600000'])
  })
  after(() => server?.child.kill())

  it('answers every call with 200 in two sessions at once, each seeing only its own endpoints', async () => {
    const env = { ...process.env, DATABRICKS_HOST: server.url, DATABRICKS_TOKEN: TOKEN }
    const outputs = await Promise.all(
      ['curl-a', 'curl-b'].map((session) => run('bash', [script], { env: { ...env, MOCK_SESSION: session } })),
    )
    for (const session of ['curl-a', 'curl-b']) {
      const requests = await journal(session)
      assert.deepEqual(
        requests.map((r) => `${r.method} ${r.path} ${r.status}`),
        [
          'POST /api/2.0/serving-endpoints 200',
          'POST /api/2.0/serving-endpoints 200',
          'GET /api/2.0/serving-endpoints/ads1 200',
          'POST /serving-endpoints/ads1/invocations 200',
          'POST /serving-endpoints/openai_endpoint/invocations 200',
          'PUT /api/2.0/serving-endpoints/ads1/config 200',
          'PATCH /api/2.0/serving-endpoints/ads1/tags 200',
          'DELETE /api/2.0/serving-endpoints/openai_endpoint 200',
        ],
      )
      assert.equal(requests[0].body.tags[0].value, 'data science')
    }
    // The GET after the clock moved: ads1 is ready.
    const lines = outputs[0].stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const ads1 = lines.find((answer) => answer.name === 'ads1' && answer.state?.ready === 'READY')
    assert.ok(ads1, 'the GET after POST /__mock/clock shows ads1 ready')
    const predictions = lines.find((answer) => Array.isArray(answer.predictions))
    assert.equal(predictions.predictions.length, 2)
  })
})
