import { describe, expect, it } from 'vitest'
import type { ServingEndpointDetailed } from '../../api/types'
import { buildSnippets, pythonLiteral, workspaceOrigin } from './query-snippets'

type Endpoint = Pick<ServingEndpointDetailed, 'name' | 'task' | 'config' | 'pending_config'>

const ORIGIN = 'https://adb-123.azuredatabricks.net'
const withTask = (name: string, task?: string): Endpoint => ({
  name,
  task,
  config: {
    served_entities: [{ name: 'e', entity_name: 'main.default.churn_model', entity_version: '3' }],
    traffic_config: { routes: [] },
    config_version: 1,
  } as unknown as ServingEndpointDetailed['config'],
})

const ENDPOINTS: [string, Endpoint][] = [
  ['chat', withTask('support-chat', 'llm/v1/chat')],
  ['completions', withTask('text-writer', 'llm/v1/completions')],
  ['embeddings', withTask('embedder', 'llm/v1/embeddings')],
  ['custom model', withTask('churn-predictor')],
]

describe('buildSnippets', () => {
  it.each(ENDPOINTS)('names the %s endpoint and never holds a token', (_task, endpoint) => {
    for (const code of Object.values(buildSnippets(endpoint, ORIGIN))) {
      expect(code).toContain(endpoint.name)
      expect(code).not.toMatch(/dapi[0-9a-f]|Bearer (?!\$DATABRICKS_TOKEN|" \+ os\.environ)/)
    }
  })

  it('curl posts the task body to the invocations URL with $DATABRICKS_TOKEN', () => {
    const { curl } = buildSnippets(ENDPOINTS[0][1], ORIGIN)
    expect(curl).toContain(`curl -X POST '${ORIGIN}/serving-endpoints/support-chat/invocations'`)
    expect(curl).toContain('-H "Authorization: Bearer $DATABRICKS_TOKEN"')
    const body = JSON.parse(/-d '([\s\S]*)'$/.exec(curl)?.[1] ?? '') as Record<string, unknown>
    expect(body).toHaveProperty('messages')
  })

  it.each([
    [ENDPOINTS[1][1], 'prompt'],
    [ENDPOINTS[2][1], 'input'],
    [ENDPOINTS[3][1], 'dataframe_split'],
  ])('curl sends a body for the task (%#: %s)', (endpoint, key) => {
    expect(buildSnippets(endpoint, ORIGIN).curl).toContain(`"${key}":`)
  })

  it.each([
    [ENDPOINTS[0][1], 'client.chat.completions.create(', 'messages=['],
    [ENDPOINTS[1][1], 'client.completions.create(', 'prompt="Write one sentence about model serving."'],
    [ENDPOINTS[2][1], 'client.embeddings.create(', 'input=["Databricks Model Serving"]'],
  ])('Python uses the OpenAI client with base_url <workspace>/serving-endpoints (%#)', (endpoint, call, arg) => {
    const { python } = buildSnippets(endpoint, ORIGIN)
    expect(python).toContain('from openai import OpenAI')
    expect(python).toContain('api_key=os.environ["DATABRICKS_TOKEN"]')
    expect(python).toContain(`base_url="${ORIGIN}/serving-endpoints"`)
    expect(python).toContain(call)
    expect(python).toContain(`model="${endpoint.name}"`)
    expect(python).toContain(arg)
  })

  it('Python uses requests for a custom model', () => {
    const { python } = buildSnippets(ENDPOINTS[3][1], ORIGIN)
    expect(python).toContain('import requests')
    expect(python).toContain(`"${ORIGIN}/serving-endpoints/churn-predictor/invocations"`)
    expect(python).toContain('os.environ["DATABRICKS_TOKEN"]')
    expect(python).toContain('"dataframe_split": {')
    expect(python).not.toContain('openai')
  })

  it('SQL calls ai_query with the endpoint and the question, or a struct row for a custom model', () => {
    expect(buildSnippets(ENDPOINTS[0][1], ORIGIN).sql).toBe(
      "SELECT ai_query(\n  'support-chat',\n  'What is Databricks Model Serving?'\n) AS response",
    )
    expect(buildSnippets(ENDPOINTS[2][1], ORIGIN).sql).toContain("'Databricks Model Serving'\n) AS embedding")
    expect(buildSnippets(ENDPOINTS[3][1], ORIGIN).sql).toContain(
      "'churn-predictor',\n  named_struct('feature_1', 0.5, 'feature_2', 'a'),\n  returnType => 'DOUBLE'",
    )
  })
})

describe('workspaceOrigin', () => {
  it('is the page origin for the in-browser mock', () => {
    expect(workspaceOrigin({ kind: 'browser-mock' }, 'http://localhost:4173')).toBe('http://localhost:4173')
  })
  it('is the workspace host, with https when it has no scheme and without a trailing slash', () => {
    expect(workspaceOrigin({ kind: 'workspace', host: 'adb-1.azuredatabricks.net/' }, 'http://x')).toBe(
      'https://adb-1.azuredatabricks.net',
    )
    expect(workspaceOrigin({ kind: 'workspace', host: 'https://dbc.cloud.databricks.com' }, 'http://x')).toBe(
      'https://dbc.cloud.databricks.com',
    )
  })
  it('is the mock server for the mock-server backend', () => {
    expect(workspaceOrigin({ kind: 'mock-server', url: 'http://127.0.0.1:8787' }, 'http://x')).toBe('http://127.0.0.1:8787')
  })
})

describe('pythonLiteral', () => {
  it('writes JSON values as Python', () => {
    expect(pythonLiteral({ a: true, b: false, c: null, d: [1, 'x'] })).toBe('{"a": True, "b": False, "c": None, "d": [1, "x"]}')
    expect(pythonLiteral('say "hi"\n')).toBe('"say \\"hi\\"\\n"')
  })
})
