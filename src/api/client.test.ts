import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { server } from '../mocks/node'
import { ApiError, request } from './client'

const LIST = '/api/2.0/serving-endpoints'

describe('request', () => {
  it('says the API is not reachable when a 200 answer is a web page, not JSON', async () => {
    server.use(
      http.get(`*${LIST}`, () => new HttpResponse('<!doctype html><html></html>', { headers: { 'Content-Type': 'text/html' } })),
    )
    const error = await request(LIST).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).errorCode).toBe('INVALID_RESPONSE')
    expect((error as ApiError).message).toBe(
      'The server answered HTTP 200 with something other than JSON: the serving API is not reachable at this address.',
    )
  })

  it('turns a Databricks error body into its code, message and field', async () => {
    server.use(
      http.get(`*${LIST}`, () =>
        HttpResponse.json(
          {
            error_code: 'INVALID_PARAMETER_VALUE',
            message: 'Bad name.',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', metadata: { field: 'name' } }],
          },
          { status: 400 },
        ),
      ),
    )
    const error = (await request(LIST).catch((e: unknown) => e)) as ApiError
    expect([error.status, error.errorCode, error.message, error.field]).toEqual([
      400,
      'INVALID_PARAMETER_VALUE',
      'Bad name.',
      'name',
    ])
  })

  it.each([
    ['POST', '/api/2.0/serving-endpoints/recsys-ranker/config/cancel'],
    ['DELETE', '/api/2.0/serving-endpoints/recsys-ranker'],
  ] as const)('marks a bodiless %s as JSON, as the workspace proxy requires of every mutation', async (method, path) => {
    let contentType: string | null = 'unseen'
    server.use(
      http.all(`*${path}`, ({ request: sent }) => {
        contentType = sent.headers.get('content-type')
        return HttpResponse.json({})
      }),
    )
    await request(path, { method })
    expect(contentType).toBe('application/json')
  })

  it('names the workspace and the variable to check when the proxied workspace refuses the token', async () => {
    vi.stubEnv('VITE_BACKEND', 'workspace')
    vi.stubEnv('VITE_BACKEND_TARGET', 'adb-123.azuredatabricks.net')
    server.use(
      http.get(`*${LIST}`, () =>
        HttpResponse.json({ error_code: 'UNAUTHENTICATED', message: 'Invalid access token.' }, { status: 401 }),
      ),
    )
    const error = (await request(LIST).catch((e: unknown) => e)) as ApiError
    expect(error.message).toBe(
      'Invalid access token. The workspace adb-123.azuredatabricks.net did not accept the token: check DATABRICKS_TOKEN.',
    )
    vi.unstubAllEnvs()
  })
})
