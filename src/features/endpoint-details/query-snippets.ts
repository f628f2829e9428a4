// Code that queries an endpoint from outside the console: curl, Python and SQL, for the endpoint's task.
// The token is always the reader's own environment variable: no snippet ever holds a real one.
import type { EndpointTask, ServingEndpointDetailed } from '../../api/types'
import type { Backend } from '../../app/backend'
import { activeTask } from './served-entity-text'
import { exampleRequest } from './query-request'

export interface Snippets {
  curl: string
  python: string
  sql: string
}

/** Where a client reaches the workspace: the console's own origin for the in-browser mock, else the backend's. */
export function workspaceOrigin(backend: Backend, pageOrigin: string): string {
  const target = backend.kind === 'workspace' ? backend.host : backend.kind === 'mock-server' ? backend.url : pageOrigin
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(target) ? target : `https://${target}`
  return withScheme.replace(/\/+$/, '')
}

/** A JSON value as a Python literal (JSON's string escapes are valid in Python strings). */
export function pythonLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value !== 'object') return JSON.stringify(value)
  const inner = `${indent}    `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => pythonLiteral(v)).join(', ')}]`
    return `[\n${value.map((v) => `${inner}${pythonLiteral(v, inner)},`).join('\n')}\n${indent}]`
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  const flat = `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${pythonLiteral(v)}`).join(', ')}}`
  if (flat.length <= 80 && !flat.includes('\n')) return flat
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)},`).join('\n')}\n${indent}}`
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`
const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`

type Endpoint = Pick<ServingEndpointDetailed, 'name' | 'task' | 'config' | 'pending_config'>

/** The task a query reaches: the active config's, or the external model's. */
export function queryTask(endpoint: Endpoint): EndpointTask | undefined {
  const entities = endpoint.config?.served_entities ?? endpoint.pending_config?.served_entities ?? []
  return activeTask(endpoint) ?? entities.find((e) => e.external_model)?.external_model?.task
}

const OPENAI_CALLS: Partial<Record<EndpointTask, { call: string; print: string }>> = {
  'llm/v1/chat': { call: 'client.chat.completions.create', print: 'response.choices[0].message.content' },
  'llm/v1/completions': { call: 'client.completions.create', print: 'response.choices[0].text' },
  'llm/v1/embeddings': { call: 'client.embeddings.create', print: 'response.data[0].embedding[:8]' },
}

function python(endpoint: Endpoint, task: EndpointTask | undefined, origin: string, body: object): string {
  const openai = task && OPENAI_CALLS[task]
  if (!openai) {
    return [
      'import os',
      'import requests',
      '',
      'response = requests.post(',
      `    ${JSON.stringify(`${origin}/serving-endpoints/${endpoint.name}/invocations`)},`,
      '    headers={"Authorization": "Bearer " + os.environ["DATABRICKS_TOKEN"]},',
      `    json=${pythonLiteral(body, '    ')},`,
      ')',
      'response.raise_for_status()',
      'print(response.json())',
    ].join('\n')
  }
  const args = Object.entries(body).map(([key, value]) => `    ${key}=${pythonLiteral(value, '    ')},`)
  return [
    'import os',
    'from openai import OpenAI',
    '',
    'client = OpenAI(',
    '    api_key=os.environ["DATABRICKS_TOKEN"],',
    `    base_url=${JSON.stringify(`${origin}/serving-endpoints`)},`,
    ')',
    '',
    `response = ${openai.call}(`,
    `    model=${JSON.stringify(endpoint.name)},`,
    ...args,
    ')',
    `print(${openai.print})`,
  ].join('\n')
}

/** The text ai_query sends a chat, completions or embeddings endpoint: the example's question. */
function promptOf(body: Record<string, unknown>): string {
  const { messages, prompt, input } = body
  if (Array.isArray(messages)) {
    const user = messages.filter((m: { role?: string }) => m.role === 'user').pop() as { content?: unknown } | undefined
    if (typeof user?.content === 'string') return user.content
  }
  const text = [prompt, input].flat().find((v) => typeof v === 'string')
  return typeof text === 'string' ? text : ''
}

function sqlLiteral(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null || value === undefined) return 'NULL'
  return sqlString(typeof value === 'string' ? value : JSON.stringify(value))
}

function sql(endpoint: Endpoint, task: EndpointTask | undefined, body: Record<string, unknown>): string {
  const name = sqlString(endpoint.name)
  if (task) {
    const alias = task === 'llm/v1/embeddings' ? 'embedding' : 'response'
    return `SELECT ai_query(\n  ${name},\n  ${sqlString(promptOf(body))}\n) AS ${alias}`
  }
  // A custom model takes one row per call: its columns as a struct, as in the example data frame.
  const split = body.dataframe_split as { columns?: string[]; data?: unknown[][] } | undefined
  const columns = split?.columns ?? []
  const row = split?.data?.[0] ?? []
  const fields = columns.map((column, i) => `${sqlString(column)}, ${sqlLiteral(row[i])}`).join(', ')
  return `SELECT ai_query(\n  ${name},\n  named_struct(${fields}),\n  returnType => 'DOUBLE'\n) AS prediction`
}

/** The three snippets for this endpoint, with its task's example request. */
export function buildSnippets(endpoint: Endpoint, origin: string): Snippets {
  const task = queryTask(endpoint)
  const body = exampleRequest(endpoint) as Record<string, unknown>
  const url = `${origin}/serving-endpoints/${endpoint.name}/invocations`
  const curl = [
    `curl -X POST ${shellQuote(url)} \\`,
    '  -H "Authorization: Bearer $DATABRICKS_TOKEN" \\',
    '  -H "Content-Type: application/json" \\',
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join('\n')
  return { curl, python: python(endpoint, task, origin, body), sql: sql(endpoint, task, body) }
}
