// The one door to the network: typed fetch that turns Databricks error bodies and dropped
// connections into a single ApiError.
import type { DatabricksErrorBody } from './types'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status; 0 when the connection dropped before any answer. */
  readonly status: number
  /** Databricks `error_code`, or NETWORK_ERROR / HTTP_<status> when the body had none. */
  readonly errorCode: string
  /** The request field the error concerns, when the server named one (details[].metadata.field). */
  readonly field?: string

  constructor(status: number, errorCode: string, message: string, field?: string) {
    super(message)
    this.status = status
    this.errorCode = errorCode
    this.field = field
  }

  get isNetworkError(): boolean {
    return this.status === 0
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

function isErrorBody(body: unknown): body is DatabricksErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { error_code?: unknown }).error_code === 'string' &&
    typeof (body as { message?: unknown }).message === 'string'
  )
}

/** Through the Vite proxy a 401 means the token it adds was refused: say which one to check, and where. */
function credentialHint(status: number): string {
  if (status !== 401) return ''
  const target = import.meta.env.VITE_BACKEND_TARGET ?? ''
  if (import.meta.env.VITE_BACKEND === 'workspace')
    return ` The workspace ${target} did not accept the token: check DATABRICKS_TOKEN.`
  if (import.meta.env.VITE_BACKEND === 'mock-server')
    return ` The mock server ${target} did not accept the token: check MOCK_SERVER_TOKEN.`
  return ''
}

export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (isErrorBody(body)) {
    const field = body.details?.find((d) => typeof d.metadata?.field === 'string')?.metadata.field
    return new ApiError(response.status, body.error_code, body.message + credentialHint(response.status), field)
  }
  const reason = response.statusText || 'Request failed'
  return new ApiError(
    response.status,
    `HTTP_${response.status}`,
    `${reason} (HTTP ${response.status})${credentialHint(response.status)}`,
  )
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/** Same-origin paths: the msw worker, the Vite proxy or the HTTP mock server answer them. */
export async function request<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      signal,
      // Every mutation says JSON, body or not: the workspace proxy refuses any other (a cross-site form can't send it).
      headers: method === 'GET' ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server. Check your connection and try again.')
  }
  if (!response.ok) throw await toApiError(response)
  const text = await response.text()
  try {
    return (text ? JSON.parse(text) : {}) as T
  } catch {
    // An HTML page where data belongs: a static server or a login page, not the serving API.
    throw new ApiError(
      response.status,
      'INVALID_RESPONSE',
      `The server answered HTTP ${response.status} with something other than JSON: the serving API is not reachable at this address.`,
    )
  }
}

export function endpointPath(name: string, suffix = ''): string {
  return `/api/2.0/serving-endpoints/${encodeURIComponent(name)}${suffix}`
}
