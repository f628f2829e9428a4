import { getResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { ApiError, request } from '../api/client'
import type { DatabricksErrorBody, ServingEndpointDetailed } from '../api/types'
import { ControlPlane } from './control-plane'
import { createHandlers } from './handlers'
import { clock, controlPlane, server } from './node'

const BASE = '/api/2.0/serving-endpoints'

async function call(
  method: string,
  path: string,
  body?: unknown,
  raw?: string,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(path, {
    method,
    headers: body === undefined && raw === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers }
}

const errorBody = (json: unknown) => json as DatabricksErrorBody

/** The create example from the Databricks docs, as api-contract.md quotes it. */
const DOCS_EXAMPLE = {
  name: 'openai_endpoint',
  config: {
    served_entities: [
      {
        name: 'openai_embeddings',
        external_model: {
          name: 'text-embedding-ada-002',
          provider: 'openai',
          task: 'llm/v1/embeddings',
          openai_config: { openai_api_key: '{{secrets/my_scope/my_openai_api_key}}' },
        },
      },
    ],
  },
  rate_limits: [{ calls: 100, key: 'user', renewal_period: 'minute' }],
  tags: [{ key: 'team', value: 'gen-ai' }],
}

describe('routes over HTTP', () => {
  it('answers the documented create example with 200 and the documented fields', async () => {
    const { status, json } = await call('POST', BASE, DOCS_EXAMPLE)
    expect(status).toBe(200)
    const created = json as ServingEndpointDetailed
    expect(created).toMatchObject({ name: 'openai_endpoint', permission_level: 'CAN_MANAGE', route_optimized: false })
    expect(created.id).toMatch(/^[0-9a-f]{12}$/)
    expect(created.state.ready).toBe('NOT_READY')
    expect(created.pending_config?.config_version).toBe(1)
    clock.advance(8000)
    const ready = (await call('GET', `${BASE}/openai_endpoint`)).json as ServingEndpointDetailed
    expect(ready.state.ready).toBe('READY')
    expect(ready.config?.served_entities[0].state.deployment).toBe('DEPLOYMENT_READY')
    expect(ready.config?.traffic_config.routes).toEqual([
      { served_entity_name: 'openai_embeddings', served_model_name: 'openai_embeddings', traffic_percentage: 100 },
    ])
    expect(ready.config?.config_version).toBe(1)
    expect(ready.tags).toEqual([{ key: 'team', value: 'gen-ai' }])
    expect(ready.ai_gateway?.rate_limits).toEqual([{ calls: 100, key: 'user', renewal_period: 'minute' }])
  })

  it('takes the legacy served_models body MLflow’s older clients send, on create and on config update', async () => {
    const legacy = (version: string) => ({
      model_name: 'main.default.churn_model',
      model_version: version,
      workload_size: 'Small',
      scale_to_zero_enabled: false,
    })
    const created = await call('POST', BASE, {
      name: 'mlflow-legacy',
      config: {
        served_models: [legacy('3')],
        traffic_config: { routes: [{ served_model_name: 'churn_model-3', traffic_percentage: 100 }] },
      },
    })
    expect(created.status).toBe(200)
    const detailed = created.json as ServingEndpointDetailed
    expect(detailed.pending_config?.served_entities[0]).toMatchObject({
      name: 'churn_model-3',
      entity_name: 'main.default.churn_model',
      entity_version: '3',
    })
    expect(detailed.pending_config?.traffic_config.routes).toEqual([
      { served_entity_name: 'churn_model-3', served_model_name: 'churn_model-3', traffic_percentage: 100 },
    ])
    clock.advance(8000)
    const updated = await call('PUT', `${BASE}/mlflow-legacy/config`, { served_models: [legacy('4')] })
    expect(updated.status).toBe(200)
    expect((updated.json as ServingEndpointDetailed).pending_config?.served_entities[0]).toMatchObject({
      name: 'churn_model-4',
      entity_version: '4',
    })
    const both = await call('POST', BASE, {
      name: 'mixed',
      config: { served_models: [legacy('3')], served_entities: [{ ...legacy('3') }] },
    })
    expect(both.status).toBe(400)
    expect(errorBody(both.json).message).toContain('served_models')
    expect(errorBody(both.json).details?.[0].metadata).toEqual({ field: 'served_models' })
  })

  it('lists, deletes with {} and then answers 404', async () => {
    expect(((await call('GET', BASE)).json as { endpoints: unknown[] }).endpoints.length).toBeGreaterThan(10)
    expect(await call('DELETE', `${BASE}/churn-predictor`)).toMatchObject({ status: 200, json: {} })
    const gone = await call('GET', `${BASE}/churn-predictor`)
    expect(gone.status).toBe(404)
    expect(gone.json).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: "Serving endpoint with name 'churn-predictor' does not exist.",
    })
  })

  it('decodes names in the path', async () => {
    const { json } = await call('GET', `${BASE}/${encodeURIComponent('no such endpoint')}`)
    expect(errorBody(json).message).toBe("Serving endpoint with name 'no such endpoint' does not exist.")
  })

  it('accepts PATCH tags with no body at all', async () => {
    const response = await fetch(`${BASE}/support-chat-gpt4o/tags`, { method: 'PATCH' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ tags: controlPlane.get('support-chat-gpt4o').tags })
  })

  it('serves events, logs, the current user and Unity Catalog models', async () => {
    expect(((await call('GET', `${BASE}/recsys-ranker/events`)).json as { events: { type: string }[] }).events[0].type).toBe(
      'CONFIG_UPDATE_STARTED',
    )
    expect((await call('GET', `${BASE}/churn-predictor/served-models/churn_model-4/build-logs`)).json).toMatchObject({
      logs: expect.stringContaining('Image built') as string,
    })
    expect((await call('GET', `${BASE}/churn-predictor/served-models/nope/logs`)).status).toBe(404)
    expect((await call('GET', '/api/2.0/preview/scim/v2/Me')).json).toEqual({ userName: 'ada.lovelace@example.com' })
    const versions = await call('GET', `/api/2.1/unity-catalog/models/${encodeURIComponent('main.risk.fraud_detector')}/versions`)
    expect((versions.json as { model_versions: unknown[] }).model_versions).toHaveLength(7)
  })

  it('answers invocations with the served entity in the served-model-name header', async () => {
    const { status, json, headers } = await call('POST', '/serving-endpoints/churn-predictor/invocations', {
      dataframe_records: [{ tenure: 3 }],
    })
    expect(status).toBe(200)
    expect(headers.get('served-model-name')).toBe('churn_model-3')
    expect((json as { predictions: unknown[] }).predictions).toHaveLength(1)
    const split = await call('POST', '/serving-endpoints/churn-predictor/invocations', {
      dataframe_split: {
        index: [0, 1],
        columns: ['tenure', 'plan'],
        data: [
          [3, 'basic'],
          [24, 'pro'],
        ],
      },
    })
    expect(split.status).toBe(200)
    expect((split.json as { predictions: unknown[] }).predictions).toHaveLength(2)
    const columns = await call('POST', '/serving-endpoints/churn-predictor/invocations', { inputs: { tenure: [3, 24, 36] } })
    expect((columns.json as { predictions: unknown[] }).predictions).toHaveLength(3)
    const chat = await call('POST', '/serving-endpoints/databricks-gemma-3-12b/invocations', {
      messages: [{ role: 'user', content: 'hi' }],
    })
    expect(chat.headers.get('served-model-name')).toBe('databricks-gemma-3-12b')
    expect(chat.json).toMatchObject({ object: 'chat.completion' })
  })
})

describe('errors over HTTP', () => {
  it('sends 400 with the field at fault in details[].metadata', async () => {
    const { status, json } = await call('POST', BASE, { ...DOCS_EXAMPLE, name: 'bad name' })
    expect(status).toBe(400)
    const body = errorBody(json)
    expect(body.error_code).toBe('INVALID_PARAMETER_VALUE')
    expect(body.message).toBe('Name may contain only letters, digits, dashes (-) and underscores (_).')
    expect(body.details).toEqual([expect.objectContaining({ metadata: { field: 'name' } })])
  })

  it('puts a nested field path where request() finds it', async () => {
    const body = {
      ...DOCS_EXAMPLE,
      config: {
        served_entities: [
          {
            ...DOCS_EXAMPLE.config.served_entities[0],
            external_model: { ...DOCS_EXAMPLE.config.served_entities[0].external_model, openai_config: {} },
          },
        ],
      },
    }
    const error = await request(BASE, { method: 'POST', body }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, field: 'served_entities[0].external_model.openai_config.openai_api_key' })
  })

  it.each([
    ['a taken name', 'POST', BASE, { ...DOCS_EXAMPLE, name: 'churn-predictor' }, 409, 'RESOURCE_ALREADY_EXISTS'],
    ['an update during an update', 'PUT', `${BASE}/recsys-ranker/config`, DOCS_EXAMPLE.config, 409, 'RESOURCE_CONFLICT'],
    ['a cancel with nothing to cancel', 'POST', `${BASE}/churn-predictor/config/cancel`, undefined, 409, 'RESOURCE_CONFLICT'],
    ['deleting a system endpoint', 'DELETE', `${BASE}/databricks-gte-large-en`, undefined, 403, 'PERMISSION_DENIED'],
    [
      'updating an endpoint one may only view',
      'PUT',
      `${BASE}/shared-embeddings/config`,
      DOCS_EXAMPLE.config,
      403,
      'PERMISSION_DENIED',
    ],
    [
      'querying an endpoint one may only view',
      'POST',
      '/serving-endpoints/shared-embeddings/invocations',
      { input: 'x' },
      403,
      'PERMISSION_DENIED',
    ],
    [
      'querying an endpoint that is not ready',
      'POST',
      '/serving-endpoints/fraud-detector-v2/invocations',
      { inputs: [] },
      400,
      'BAD_REQUEST',
    ],
  ])('answers %s with %i %s', async (_, method, path, body, status, code) => {
    const answer = await call(method, path, body)
    expect(answer.status).toBe(status)
    expect(errorBody(answer.json).error_code).toBe(code)
    expect(errorBody(answer.json).message).not.toBe('')
  })

  it('answers a malformed JSON body with 400 and changes nothing', async () => {
    const { status, json } = await call('POST', BASE, undefined, '{"name": "half')
    expect(status).toBe(400)
    expect(json).toEqual({ error_code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' })
    expect((await call('PUT', `${BASE}/churn-predictor/config`, undefined, 'nope')).status).toBe(400)
    expect(controlPlane.get('churn-predictor').state.config_update).toBe('NOT_UPDATING')
  })
})

describe('client mistakes in the shared handlers (browser and msw/node)', () => {
  const noStack = (json: unknown) => expect(JSON.stringify(json)).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|Error:/)

  it.each([
    ['GET', `${BASE}/%ZZ`],
    ['DELETE', `${BASE}/%ZZ`],
    ['GET', `${BASE}/%ZZ/served-models/a/logs`],
    ['GET', `${BASE}/churn-predictor/served-models/%E0%A4/build-logs`],
    ['PATCH', `${BASE}/bad%/tags`],
    ['GET', `${BASE}//churn-predictor`],
    ['GET', `/api/2.0//serving-endpoints`],
  ])('answers %s %s with 400 BAD_REQUEST, not a 500 with a stack', async (method, path) => {
    const { status, json } = await call(method, path)
    expect(status).toBe(400)
    expect(errorBody(json).error_code).toBe('BAD_REQUEST')
    noStack(json)
  })

  it.each([
    ['GET', '/API/2.0/SERVING-ENDPOINTS'],
    ['GET', `/api/2.0/Serving-Endpoints/churn-predictor`],
    ['DELETE', `/API/2.0/serving-endpoints/churn-predictor`],
    ['GET', '/api/2.0/no-such-route'],
  ])('matches paths case-sensitively, as Databricks does: %s %s is 404 ENDPOINT_NOT_FOUND', async (method, path) => {
    const { status, json } = await call(method, path)
    expect(status).toBe(404)
    expect(errorBody(json).error_code).toBe('ENDPOINT_NOT_FOUND')
    expect(controlPlane.list().endpoints.some((e) => e.name === 'churn-predictor')).toBe(true)
  })

  it('refuses JSON nested deeper than 64 levels with 400 before walking it', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`
    const refused = await call('POST', BASE, undefined, deep(5000))
    expect(refused.status).toBe(400)
    expect(errorBody(refused.json)).toMatchObject({ error_code: 'BAD_REQUEST', message: expect.stringContaining('64') as string })
    const query = await call('POST', '/serving-endpoints/churn-predictor/invocations', undefined, `{"inputs": ${deep(64)}}`)
    expect(query.status).toBe(400)
    const fine = await call('POST', '/serving-endpoints/churn-predictor/invocations', undefined, `{"inputs": ${deep(63)}}`)
    expect(fine.status).toBe(200)
  })

  it('refuses more than 150 embeddings inputs in one request, naming the limit', async () => {
    const path = '/serving-endpoints/databricks-gte-large-en/invocations'
    const refused = await call('POST', path, { input: Array<string>(151).fill('hello') })
    expect(refused.status).toBe(400)
    expect(errorBody(refused.json)).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('150') as string,
    })
    expect(errorBody(refused.json).details?.[0].metadata).toEqual({ field: 'input' })
    expect(
      ((await call('POST', path, { input: Array<string>(150).fill('hello') })).json as { data: unknown[] }).data,
    ).toHaveLength(150)
  })

  it('refuses more than 150 completions prompts and 10,000 custom-model records in one query', async () => {
    const entity = {
      name: 'gpt',
      external_model: {
        name: 'gpt-3.5-turbo-instruct',
        provider: 'openai',
        task: 'llm/v1/completions',
        openai_config: { openai_api_key: '{{secrets/s/k}}' },
      },
    }
    expect((await call('POST', BASE, { name: 'completer', config: { served_entities: [entity] } })).status).toBe(200)
    clock.advance(8000)
    const prompts = await call('POST', '/serving-endpoints/completer/invocations', { prompt: Array<string>(151).fill('') })
    expect(prompts.status).toBe(400)
    expect(errorBody(prompts.json)).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining('150') as string,
    })
    expect((await call('POST', '/serving-endpoints/completer/invocations', { prompt: Array<string>(150).fill('') })).status).toBe(
      200,
    )
    const records = await call('POST', '/serving-endpoints/churn-predictor/invocations', {
      dataframe_records: Array<number>(10_001).fill(0),
    })
    expect(records.status).toBe(400)
    expect(errorBody(records.json).message).toContain('10000')
    expect(
      (await call('POST', '/serving-endpoints/churn-predictor/invocations', { inputs: Array<number>(10_000).fill(0) })).status,
    ).toBe(200)
  })

  it('answers a control-plane body over 1 MiB with 413', async () => {
    const { status, json } = await call('POST', BASE, { name: 'big', description: 'x'.repeat(1024 * 1024) })
    expect(status).toBe(413)
    expect(errorBody(json).error_code).toBe('BAD_REQUEST')
    expect(controlPlane.list().endpoints.some((e) => e.name === 'big')).toBe(false)
  })

  it('answers an unexpected failure with INTERNAL_ERROR and a generic message, not the error text', async () => {
    const broken = new ControlPlane({
      storage: {
        getItem: () => {
          throw new Error('EACCES: /home/secret/state.json')
        },
        setItem: () => undefined,
        removeItem: () => undefined,
      },
    })
    const handlers = createHandlers(broken, { onError: () => {} })
    const response = await getResponse(handlers, new Request('http://localhost/api/2.0/serving-endpoints'))
    expect(response?.status).toBe(500)
    const body = (await response?.json()) as DatabricksErrorBody
    expect(body.error_code).toBe('INTERNAL_ERROR')
    expect(body.message).not.toMatch(/secret|EACCES|Unexpected error/)
  })
})

describe('mock routes (the same in the browser, msw/node and the HTTP server)', () => {
  const json = (answer: { json: unknown }) => answer.json as Record<string, unknown>

  it('GET /__mock/controls answers the controls in force; PUT replaces them and answers the result', async () => {
    expect(await call('GET', '/__mock/controls')).toMatchObject({
      status: 200,
      json: { latencyMs: 0, deployMs: 8000, faults: [] },
    })
    const put = await call('PUT', '/__mock/controls', {
      deployMs: 2000,
      extraEndpoints: 3,
      faults: [{ method: 'get', path: `${BASE}/x`, status: 503 }],
    })
    expect(put.status).toBe(200)
    expect(json(put)).toMatchObject({
      deployMs: 2000,
      extraEndpoints: 3,
      faults: [{ method: 'GET', path: `${BASE}/x`, status: 503 }],
    })
    expect((await call('GET', '/__mock/controls')).json).toEqual(put.json)
    expect(controlPlane.controls.read().deployMs).toBe(2000)
  })

  it.each<[string, unknown, string]>([
    ['an unknown control', { latency: 0 }, 'latency'],
    ['a latency over 60 s', { latencyMs: 1e9 }, 'latencyMs'],
    ['a fault status of 99', { faults: [{ path: '*', status: 99 }] }, 'faults[0].status'],
  ])('PUT /__mock/controls refuses %s with 400 naming the field, and stores nothing', async (_, body, field) => {
    await call('PUT', '/__mock/controls', { deployMs: 1234 })
    const refused = await call('PUT', '/__mock/controls', body)
    expect(refused.status).toBe(400)
    expect(errorBody(refused.json)).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: expect.stringContaining(field) as string,
    })
    expect(errorBody(refused.json).details?.[0].metadata).toEqual({ field })
    expect(controlPlane.controls.read().deployMs).toBe(1234)
  })

  it('POST /__mock/reset brings back the seed', async () => {
    expect((await call('DELETE', `${BASE}/churn-predictor`)).status).toBe(200)
    expect(await call('POST', '/__mock/reset')).toMatchObject({ status: 200, json: {} })
    expect((await call('GET', `${BASE}/churn-predictor`)).status).toBe(200)
  })

  it('are not subject to faults or latency', async () => {
    server.setControls({
      latencyMs: 5000,
      faults: [
        { path: '*', status: 503, times: 3 },
        { path: '/__mock/*', network: true },
      ],
    })
    const started = performance.now()
    expect((await call('GET', '/__mock/controls')).status).toBe(200)
    expect((await call('POST', '/__mock/reset')).status).toBe(200)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(controlPlane.controls.read().faults).toEqual([
      { path: '*', status: 503, times: 3 },
      { path: '/__mock/*', network: true },
    ])
    expect((await call('PUT', '/__mock/controls', { latencyMs: 0 })).status).toBe(200)
    expect((await call('GET', BASE)).status).toBe(200)
  })

  it('answers another method or path under /__mock with 404 ENDPOINT_NOT_FOUND', async () => {
    for (const [method, path] of [
      ['DELETE', '/__mock/controls'],
      ['GET', '/__mock/reset'],
      ['GET', '/__mock/nothing'],
    ]) {
      const answer = await call(method, path)
      expect(answer.status).toBe(404)
      expect(errorBody(answer.json).error_code).toBe('ENDPOINT_NOT_FOUND')
    }
  })
})
