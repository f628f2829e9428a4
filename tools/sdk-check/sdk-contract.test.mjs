// Contract test: the official Databricks JavaScript SDK drives the mock server over a real socket.
// Every mismatch between the SDK and the mock is a bug in the mock. Each case runs in its own mock
// session (X-Mock-Session), all at once; the request journal says what the SDK sent, and POST
// /__mock/clock moves time instead of waiting for rollouts (10 minutes each here).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import sdk from '@databricks/sdk-experimental' // CJS package: named ESM imports of Time fail
import { startServer } from './mock-server.mjs'

const { WorkspaceClient, ApiError, Time, TimeUnits } = sdk
const TOKEN = 'dapi-sdk-contract'

let server
let host

/** Rollouts take 10 minutes: a waiter only returns in time because the test moves the mock's clock. */
const ROLLOUT_MS = 600_000

/** Headers of one mock session (and, on its first request, the scenario it starts from). */
function sessionHeaders(session, scenario) {
  const headers = { Authorization: `Bearer ${TOKEN}`, 'X-Mock-Session': session }
  if (scenario) headers['X-Mock-Scenario'] = scenario
  return headers
}

/** An SDK client whose every request belongs to one mock session: a credentials provider adds the header. */
function client(session, scenario) {
  const credentials = {
    name: 'pat',
    configure: async () => async (headers) => {
      for (const [key, value] of Object.entries(sessionHeaders(session, scenario))) headers.set(key, value)
    },
  }
  return new WorkspaceClient({ host, token: TOKEN, authType: 'pat', env: {}, retryTimeoutSeconds: 5, credentials })
}

/** A call to the mock's own API (or plain REST) in one session. */
async function mock(session, method, path, body) {
  const headers = sessionHeaders(session)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${host}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: response.status, json: await response.json() }
}

const journal = async (session, query) =>
  (await mock(session, 'GET', `/__mock/requests?${new URLSearchParams(query)}`)).json.requests
const advance = (session, ms = ROLLOUT_MS) => mock(session, 'POST', '/__mock/clock', { advanceMs: ms })

/** The waiter's whole budget: far less than a rollout, so it passes only when the clock was moved. */
const wait = (waiter) => waiter.wait({ timeout: new Time(5, TimeUnits.seconds) })

async function expectApiError(promise, statusCode, errorCode) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ApiError, `expected ApiError, got ${error?.constructor?.name}: ${error?.message}`)
    assert.equal(error.statusCode, statusCode)
    assert.equal(error.errorCode, errorCode)
    return true
  })
}

const external = {
  name: 'sdk-chat',
  config: {
    served_entities: [
      {
        name: 'gpt-4o-mini',
        external_model: {
          name: 'gpt-4o-mini',
          provider: 'openai',
          task: 'llm/v1/chat',
          openai_config: { openai_api_key_plaintext: 'sk-test-never-echoed' },
        },
      },
    ],
  },
  tags: [{ key: 'team', value: 'sdk' }],
}

const custom = {
  name: 'sdk-custom',
  config: {
    served_entities: [
      { entity_name: 'main.default.churn_model', entity_version: '3', workload_size: 'Small', scale_to_zero_enabled: true },
    ],
  },
}

describe('Databricks JS SDK 0.17 against the mock server, one mock session per case, in parallel', { concurrency: true }, () => {
  before(async () => {
    server = await startServer(['--deploy-ms', String(ROLLOUT_MS), '--update-ms', String(ROLLOUT_MS)])
    host = server.url
  })

  after(() => server?.child.kill())

  it('refuses a request without a bearer token with 401 UNAUTHENTICATED', async () => {
    const response = await fetch(`${host}/api/2.0/serving-endpoints`)
    assert.equal(response.status, 401)
    assert.equal((await response.json()).error_code, 'UNAUTHENTICATED')
  })

  it('lists the seeded endpoints, pay-per-token ones included, and nothing another session created', async () => {
    const names = []
    for await (const endpoint of client('sdk-list').servingEndpoints.list()) names.push(endpoint.name)
    assert.ok(names.includes('databricks-gte-large-en'))
    assert.ok(names.includes('recsys-ranker'))
    assert.ok(!names.includes('sdk-chat') && !names.includes('sdk-custom'))
    assert.deepEqual(
      (await journal('sdk-list', { method: 'GET' })).map((r) => r.path),
      ['/api/2.0/serving-endpoints'],
    )
  })

  it('starts a session from a named scenario (X-Mock-Scenario)', async () => {
    const names = []
    for await (const endpoint of client('sdk-busy', 'busy').servingEndpoints.list()) names.push(endpoint.name)
    assert.ok(names.includes('busy-creating-01'))
  })

  it('an external-model endpoint: what the SDK sent, the waiter, tags, a query, delete, then 404', async () => {
    const session = 'sdk-external'
    const w = client(session)
    const waiter = await w.servingEndpoints.create(external)
    assert.equal(waiter.name, 'sdk-chat')
    assert.deepEqual(waiter.state, { ready: 'NOT_READY', config_update: 'IN_PROGRESS' })

    // What the SDK sent, the secret redacted.
    const [sent] = await journal(session, { method: 'POST', path: '/api/2.0/serving-endpoints' })
    assert.equal(sent.status, 200)
    assert.equal(sent.body.name, 'sdk-chat')
    assert.deepEqual(sent.body.tags, [{ key: 'team', value: 'sdk' }])
    assert.equal(sent.body.config.served_entities[0].external_model.openai_config.openai_api_key_plaintext, '[REDACTED]')

    await advance(session)
    const ready = await wait(waiter)
    assert.deepEqual(ready.state, { ready: 'READY', config_update: 'NOT_UPDATING' })
    assert.equal(ready.config.served_entities[0].state.deployment, 'DEPLOYMENT_READY')
    assert.equal(ready.task, 'llm/v1/chat')
    assert.doesNotMatch(JSON.stringify(ready), /sk-test-never-echoed|_plaintext/)

    // Tags with plain fetch: the SDK 0.17 sends PATCH without a body, which must not fail either.
    const patched = await mock(session, 'PATCH', '/api/2.0/serving-endpoints/sdk-chat/tags', {
      add_tags: [{ key: 'env', value: 'test' }],
      delete_tags: ['team'],
    })
    assert.equal(patched.status, 200)
    assert.deepEqual(patched.json.tags, [{ key: 'env', value: 'test' }])
    const tags = await w.servingEndpoints.patch({ name: 'sdk-chat', add_tags: [{ key: 'ignored' }] })
    assert.deepEqual(tags.tags, [{ key: 'env', value: 'test' }])
    const [sdkPatch] = await journal(session, { method: 'PATCH' }).then((r) => r.slice(-1))
    assert.equal(sdkPatch.body, undefined, 'the SDK 0.17 PATCH arrives without a body')

    const answer = await w.servingEndpoints.query({ name: 'sdk-chat', messages: [{ role: 'user', content: 'Hello?' }] })
    assert.equal(answer.object, 'chat.completion')
    assert.equal(answer.choices[0].message.role, 'assistant')
    assert.equal(answer['served-model-name'], 'gpt-4o-mini')
    const [query] = await journal(session, { path: '/serving-endpoints/sdk-chat/invocations' })
    assert.deepEqual(query.body.messages, [{ role: 'user', content: 'Hello?' }])

    assert.equal((await w.servingEndpoints.get({ name: 'sdk-chat' })).name, 'sdk-chat')
    await w.servingEndpoints.delete({ name: 'sdk-chat' })
    await expectApiError(w.servingEndpoints.get({ name: 'sdk-chat' }), 404, 'RESOURCE_DOES_NOT_EXIST')
  })

  it('a custom-model endpoint: 100 % route, 409 on a duplicate, 400 on bad input, an update with a 409 while it runs', async () => {
    const session = 'sdk-custom'
    const w = client(session)
    const created = await w.servingEndpoints.create(custom)
    await advance(session)
    const ready = await wait(created)
    assert.deepEqual(ready.config.traffic_config.routes, [
      { served_entity_name: 'churn_model-3', served_model_name: 'churn_model-3', traffic_percentage: 100 },
    ])
    assert.equal(ready.permission_level, 'CAN_MANAGE')
    await expectApiError(w.servingEndpoints.create(custom), 409, 'RESOURCE_ALREADY_EXISTS')
    await expectApiError(w.servingEndpoints.create({ name: 'bad name!', config: custom.config }), 400, 'INVALID_PARAMETER_VALUE')

    const update = {
      name: 'sdk-custom',
      served_entities: [
        { entity_name: 'main.default.churn_model', entity_version: '3', workload_size: 'Small', scale_to_zero_enabled: true },
        { entity_name: 'main.default.churn_model', entity_version: '4', workload_size: 'Small', scale_to_zero_enabled: true },
      ],
      traffic_config: {
        routes: [
          { served_entity_name: 'churn_model-3', traffic_percentage: 50 },
          { served_entity_name: 'churn_model-4', traffic_percentage: 50 },
        ],
      },
    }
    const waiter = await w.servingEndpoints.updateConfig(update)
    assert.equal(waiter.state.config_update, 'IN_PROGRESS')
    const [put] = await journal(session, { method: 'PUT', path: '/api/2.0/serving-endpoints/sdk-custom/config' })
    assert.deepEqual(put.body.traffic_config, update.traffic_config, 'the SDK sends the config without the name')
    assert.equal(put.body.name, undefined)

    const during = await w.servingEndpoints.get({ name: 'sdk-custom' })
    assert.equal(during.state.ready, 'READY', 'the old config keeps serving')
    assert.equal(during.config.config_version, 1)
    assert.equal(during.pending_config.config_version, 2)
    assert.ok(during.pending_config.start_time > 0)
    await expectApiError(
      w.servingEndpoints.updateConfig({ name: 'sdk-custom', served_entities: custom.config.served_entities }),
      409,
      'RESOURCE_CONFLICT',
    )
    await advance(session)
    const done = await wait(waiter)
    assert.equal(done.config.config_version, 2)
    assert.equal(done.config.served_entities.length, 2)
    assert.equal(done.pending_config, undefined)
    assert.deepEqual(
      (await journal(session, { method: 'PUT' })).map((r) => r.status),
      [200, 409],
    )
  })

  it('forbids changing a pay-per-token endpoint with 403 PERMISSION_DENIED', async () => {
    await expectApiError(
      client('sdk-system').servingEndpoints.delete({ name: 'databricks-gte-large-en' }),
      403,
      'PERMISSION_DENIED',
    )
  })

  it('sets and reads serving-endpoint permissions by id, and lists the levels', async () => {
    const w = client('sdk-permissions')
    const { id } = await w.servingEndpoints.get({ name: 'churn-predictor' })
    const set = await w.servingEndpoints.setPermissions({
      serving_endpoint_id: id,
      access_control_list: [{ group_name: 'sdk-readers', permission_level: 'CAN_QUERY' }],
    })
    assert.equal(set.object_id, `/serving-endpoints/${id}`)
    const got = await w.servingEndpoints.getPermissions({ serving_endpoint_id: id })
    const readers = got.access_control_list.find((e) => e.group_name === 'sdk-readers')
    assert.deepEqual(readers.all_permissions, [{ permission_level: 'CAN_QUERY', inherited: false }])
    const admins = got.access_control_list.find((e) => e.group_name === 'admins')
    assert.equal(admins.all_permissions[0].inherited, true)
    const { permission_levels } = await w.servingEndpoints.getPermissionLevels({ serving_endpoint_id: id })
    assert.deepEqual(
      permission_levels.map((l) => l.permission_level),
      ['CAN_VIEW', 'CAN_QUERY', 'CAN_MANAGE'],
    )
    const puts = await journal('sdk-permissions', { method: 'PUT', path: '/api/2.0/permissions/' })
    assert.deepEqual(puts[0].body, { access_control_list: [{ group_name: 'sdk-readers', permission_level: 'CAN_QUERY' }] })
  })

  it('keeps the default session untouched by all of the above', async () => {
    const response = await fetch(`${host}/__mock/requests`, { headers: { Authorization: `Bearer ${TOKEN}` } })
    assert.deepEqual(
      (await response.json()).requests.filter((r) => r.method !== 'GET'),
      [],
    )
  })
})
