import { describe, expect, it } from 'vitest'
import type { DatabricksErrorBody, ListEndpointsResponse } from '../api/types'
import { controlPlane, server } from './node'

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined }
}

const PERMISSIONS = '/api/2.0/permissions/serving-endpoints'
const idOf = (name: string) => controlPlane.get(name).id ?? ''

describe('permission routes', () => {
  it('GET, PUT, PATCH and permissionLevels answer by endpoint id', async () => {
    const id = idOf('churn-predictor')
    const put = await call('PUT', `${PERMISSIONS}/${id}`, {
      access_control_list: [{ group_name: 'growth', permission_level: 'CAN_QUERY' }],
    })
    expect(put.status).toBe(200)
    const patch = await call('PATCH', `${PERMISSIONS}/${id}`, {
      access_control_list: [{ service_principal_name: 'ci', permission_level: 'CAN_VIEW' }],
    })
    const get = await call('GET', `${PERMISSIONS}/${id}`)
    expect(get.json).toEqual(patch.json)
    expect(get.json).toMatchObject({ object_id: `/serving-endpoints/${id}`, object_type: 'serving-endpoint' })
    const levels = await call('GET', `${PERMISSIONS}/${id}/permissionLevels`)
    expect(levels.status).toBe(200)
    expect((levels.json as { permission_levels: unknown[] }).permission_levels).toHaveLength(3)
  })

  it('answers 404 for an unknown id and 400 naming the field for a bad entry', async () => {
    const missing = await call('GET', `${PERMISSIONS}/0000`)
    expect([missing.status, (missing.json as DatabricksErrorBody).error_code]).toEqual([404, 'RESOURCE_DOES_NOT_EXIST'])
    const bad = await call('PUT', `${PERMISSIONS}/${idOf('churn-predictor')}`, {
      access_control_list: [{ user_name: 'a@example.com', permission_level: 'CAN_RUN' }],
    })
    expect(bad.status).toBe(400)
    expect((bad.json as DatabricksErrorBody).details?.[0].metadata.field).toBe('access_control_list[0].permission_level')
  })

  it('a CAN_QUERY caller (the control) can query, not edit: 403 PERMISSION_DENIED', async () => {
    server.setControls({ latencyMs: 0, caller: { user_name: 'sam@example.com', groups: ['support'] } })
    const list = (await call('GET', '/api/2.0/serving-endpoints')).json as ListEndpointsResponse
    expect(list.endpoints.find((e) => e.name === 'support-chat-gpt4o')?.permission_level).toBe('CAN_QUERY')
    expect(list.endpoints.some((e) => e.name === 'churn-predictor')).toBe(false)
    const edit = await call('PUT', '/api/2.0/serving-endpoints/support-chat-gpt4o/config', { served_entities: [] })
    expect([edit.status, (edit.json as DatabricksErrorBody).error_code]).toEqual([403, 'PERMISSION_DENIED'])
    const query = await call('POST', '/serving-endpoints/support-chat-gpt4o/invocations', {
      messages: [{ role: 'user', content: 'hello' }],
    })
    expect(query.status).toBe(200)
    expect((await call('GET', '/api/2.0/serving-endpoints/churn-predictor')).status).toBe(403)
  })

  it('PUT /__mock/controls refuses a caller without a user name, naming the field', async () => {
    const response = await call('PUT', '/__mock/controls', { caller: { groups: ['x'] } })
    expect(response.status).toBe(400)
    expect((response.json as DatabricksErrorBody).message).toContain('caller.user_name')
  })
})

describe('model optimization info', () => {
  const INFO = '/api/2.0/serving-endpoints/get-model-optimization-info'

  it('answers a fine-tuned LLM as optimizable, with its chunk, and other models as not', async () => {
    expect(await call('GET', `${INFO}/main.finetune.llama_3_1_8b_support/2`)).toEqual({
      status: 200,
      json: { optimizable: true, model_type: 'llama', throughput_chunk_size: 980 },
    })
    expect((await call('GET', `${INFO}/main.default.churn_model/3`)).json).toEqual({ optimizable: false })
    expect((await call('GET', `${INFO}/main.default.nope/1`)).status).toBe(404)
    expect((await call('GET', `${INFO}/main.default.churn_model/9`)).status).toBe(404)
  })
})
