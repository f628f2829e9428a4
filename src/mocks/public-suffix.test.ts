import { getResponse, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { getDomain } from './public-suffix'

describe('getDomain (tldts stand-in for the browser bundle)', () => {
  it('gives the last two labels as the registrable domain', () => {
    expect(getDomain('dbc-1234.cloud.databricks.com')).toBe('databricks.com')
    expect(getDomain('Example.COM.')).toBe('example.com')
  })

  it('gives none for IP addresses, one-label hosts and empty labels', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost', 'a..com', '']) expect(getDomain(host)).toBeNull()
  })
})

describe('msw with it', () => {
  it('still reads the cookies a request sends, with the stand-in in place', async () => {
    // vite.config.ts aliases tldts to public-suffix.ts for Vitest too.
    const handlers = [http.get('https://console.example.com/api/me', ({ cookies }) => HttpResponse.json(cookies))]
    const request = new Request('https://console.example.com/api/me', { headers: { Cookie: 'session=abc; team=ml' } })
    const response = await getResponse(handlers, request)
    expect(await response?.json()).toEqual({ session: 'abc', team: 'ml' })
  })
})
