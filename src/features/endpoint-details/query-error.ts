// A failed query, as a person wants to read it: what happened in a title, the server's words, what to do next.
import { isApiError } from '../../api/client'

export interface QueryErrorText {
  title: string
  message: string
  hint?: string
}

export function queryErrorText(error: unknown): QueryErrorText {
  if (!isApiError(error)) {
    return { title: 'The query failed', message: error instanceof Error ? error.message : String(error) }
  }
  const { status, errorCode, message } = error
  if (errorCode === 'REQUEST_LIMIT_EXCEEDED' || status === 429) {
    return { title: 'Rate limit reached', message, hint: 'Wait a minute, then send the request again.' }
  }
  if (errorCode === 'PERMISSION_DENIED' || status === 403) {
    return {
      title: "You can't query this endpoint",
      message,
      hint: 'Ask someone who can manage this endpoint for the Can query permission.',
    }
  }
  if (error.isNetworkError) return { title: 'The query did not reach the endpoint', message }
  if (status >= 400 && status < 500) {
    const field = error.field ? ` (${error.field})` : ''
    return { title: `The endpoint refused the request${field}`, message }
  }
  return { title: 'The query failed', message, hint: 'This may be temporary: try again in a moment.' }
}
