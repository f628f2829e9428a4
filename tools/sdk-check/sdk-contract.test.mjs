// Contract test: the official Databricks JavaScript SDK drives the mock server over a real socket.
// Every mismatch between the SDK and the mock is a bug in the mock.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import sdk from '@databricks/sdk-experimental' // CJS package: named ESM imports of Time fail

const { WorkspaceClient, ApiError, Time, TimeUnits } = sdk
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const TOKEN = 'dapi-sdk-contract'

let server
let host
let w

async function startServer() {
  const child = spawn(
    resolve(root, 'node_modules/.bin/tsx'),
    ['src/mocks/cli.ts', '--port', '0', '--deploy-ms', '1500', '--update-ms', '1500'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
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

const wait = (waiter) => waiter.wait({ timeout: new Time(30, TimeUnits.seconds) })

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

describe('Databricks JS SDK 0.17 against the mock server', () => {
  before(async () => {
    server = await startServer()
    host = server.url
    w = new WorkspaceClient({ host, token: TOKEN, authType: 'pat', env: {}, retryTimeoutSeconds: 5 })
  })

  after(() => server?.child.kill())

  it('refuses a request without a bearer token with 401 UNAUTHENTICATED', async () => {
    const response = await fetch(`${host}/api/2.0/serving-endpoints`)
    assert.equal(response.status, 401)
    assert.equal((await response.json()).error_code, 'UNAUTHENTICATED')
  })

  it('lists the seeded endpoints, pay-per-token ones included', async () => {
    const names = []
    for await (const endpoint of w.servingEndpoints.list()) names.push(endpoint.name)
    assert.ok(names.includes('databricks-gte-large-en'))
    assert.ok(names.includes('recsys-ranker'))
  })

  it('creates an external-model endpoint and waits for it with the SDK waiter', async () => {
    const waiter = await w.servingEndpoints.create(external)
    assert.equal(waiter.name, 'sdk-chat')
    assert.deepEqual(waiter.state, { ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    const ready = await wait(waiter)
    assert.deepEqual(ready.state, { ready: 'READY', config_update: 'NOT_UPDATING' })
    assert.equal(ready.config.served_entities[0].state.deployment, 'DEPLOYMENT_READY')
    assert.equal(ready.task, 'llm/v1/chat')
    assert.doesNotMatch(JSON.stringify(ready), /sk-test-never-echoed|_plaintext/)
  })

  it('creates a custom-model endpoint that defaults its route to 100 %', async () => {
    const ready = await wait(await w.servingEndpoints.create(custom))
    assert.deepEqual(ready.config.traffic_config.routes, [
      { served_entity_name: 'churn_model-3', served_model_name: 'churn_model-3', traffic_percentage: 100 },
    ])
    assert.equal(ready.permission_level, 'CAN_MANAGE')
  })

  it('refuses a duplicate name with 409 RESOURCE_ALREADY_EXISTS', async () => {
    await expectApiError(w.servingEndpoints.create(custom), 409, 'RESOURCE_ALREADY_EXISTS')
  })

  it('refuses bad input with 400 INVALID_PARAMETER_VALUE', async () => {
    await expectApiError(w.servingEndpoints.create({ name: 'bad name!', config: custom.config }), 400, 'INVALID_PARAMETER_VALUE')
  })

  it('updates the config: pending config in progress, a second update refused with 409, then applied', async () => {
    const waiter = await w.servingEndpoints.updateConfig({
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
    })
    assert.equal(waiter.state.config_update, 'IN_PROGRESS')
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
    const done = await wait(waiter)
    assert.equal(done.config.config_version, 2)
    assert.equal(done.config.served_entities.length, 2)
    assert.equal(done.pending_config, undefined)
  })

  it('patches tags with plain fetch (the SDK 0.17 sends PATCH without a body)', async () => {
    const response = await fetch(`${host}/api/2.0/serving-endpoints/sdk-chat/tags`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ add_tags: [{ key: 'env', value: 'test' }], delete_tags: ['team'] }),
    })
    assert.equal(response.status, 200)
    assert.deepEqual((await response.json()).tags, [{ key: 'env', value: 'test' }])
    // The SDK's own PATCH arrives with no body and must not fail.
    const tags = await w.servingEndpoints.patch({ name: 'sdk-chat', add_tags: [{ key: 'ignored' }] })
    assert.deepEqual(tags.tags, [{ key: 'env', value: 'test' }])
  })

  it('queries a ready chat endpoint and reads served-model-name', async () => {
    const answer = await w.servingEndpoints.query({ name: 'sdk-chat', messages: [{ role: 'user', content: 'Hello?' }] })
    assert.equal(answer.object, 'chat.completion')
    assert.equal(answer.choices[0].message.role, 'assistant')
    assert.equal(answer['served-model-name'], 'gpt-4o-mini')
  })

  it('forbids changing a pay-per-token endpoint with 403 PERMISSION_DENIED', async () => {
    await expectApiError(w.servingEndpoints.delete({ name: 'databricks-gte-large-en' }), 403, 'PERMISSION_DENIED')
  })

  it('sets and reads serving-endpoint permissions by id, and lists the levels', async () => {
    const { id } = await w.servingEndpoints.get({ name: 'sdk-chat' })
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
  })

  it('gets, deletes, then answers 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const got = await w.servingEndpoints.get({ name: 'sdk-chat' })
    assert.equal(got.name, 'sdk-chat')
    await w.servingEndpoints.delete({ name: 'sdk-chat' })
    await expectApiError(w.servingEndpoints.get({ name: 'sdk-chat' }), 404, 'RESOURCE_DOES_NOT_EXIST')
  })
})
