import { describe, expect, it } from 'vitest'
import { ApiError } from '../../api/client'
import { queryErrorText } from './query-error'

describe('queryErrorText', () => {
  it('reads a 429 as a rate limit with when to try again', () => {
    const text = queryErrorText(new ApiError(429, 'REQUEST_LIMIT_EXCEEDED', 'Exceeded 2 calls per minute.'))
    expect(text).toEqual({
      title: 'Rate limit reached',
      message: 'Exceeded 2 calls per minute.',
      hint: 'Wait a minute, then send the request again.',
    })
  })

  it('reads a 403 as a missing permission and who can grant it', () => {
    const text = queryErrorText(new ApiError(403, 'PERMISSION_DENIED', "User x does not have permission 'CAN_QUERY'."))
    expect(text.title).toBe("You can't query this endpoint")
    expect(text.hint).toMatch(/Can query/)
  })

  it('names the field of a refused request', () => {
    const text = queryErrorText(new ApiError(400, 'INVALID_PARAMETER_VALUE', "'stream' must be true or false.", 'stream'))
    expect(text).toEqual({ title: 'The endpoint refused the request (stream)', message: "'stream' must be true or false." })
  })

  it('says a dropped connection did not reach the endpoint, and a 5xx may pass', () => {
    expect(queryErrorText(new ApiError(0, 'NETWORK_ERROR', 'Could not reach the server.')).title).toBe(
      'The query did not reach the endpoint',
    )
    expect(queryErrorText(new ApiError(503, 'TEMPORARILY_UNAVAILABLE', 'Busy.')).hint).toMatch(/try again/)
  })
})
