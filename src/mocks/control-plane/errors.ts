// Databricks-shaped errors thrown by the control plane; the HTTP layer serialises them.
import type { DatabricksErrorBody } from '../../api/types'

export type ErrorCode =
  | 'INVALID_PARAMETER_VALUE'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_DOES_NOT_EXIST'
  | 'RESOURCE_ALREADY_EXISTS'
  | 'RESOURCE_CONFLICT'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'INTERNAL_ERROR'
  | 'TEMPORARILY_UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'ENDPOINT_NOT_FOUND'

const STATUS: Record<ErrorCode, number> = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  RESOURCE_ALREADY_EXISTS: 409,
  RESOURCE_CONFLICT: 409,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  TEMPORARILY_UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  ENDPOINT_NOT_FOUND: 404,
}

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_PARAMETER_VALUE',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'RESOURCE_DOES_NOT_EXIST',
  409: 'RESOURCE_CONFLICT',
  429: 'REQUEST_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

export class ControlPlaneError extends Error {
  readonly status: number
  readonly errorCode: ErrorCode
  /** The request field at fault, sent as details[].metadata.field so the UI can place the message. */
  readonly field?: string

  constructor(errorCode: ErrorCode, message: string, field?: string) {
    super(message)
    this.errorCode = errorCode
    this.field = field
    this.status = STATUS[errorCode]
  }

  toBody(): DatabricksErrorBody {
    const body: DatabricksErrorBody = { error_code: this.errorCode, message: this.message }
    if (this.field !== undefined) {
      body.details = [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: this.errorCode,
          domain: 'serving.databricks.com',
          metadata: { field: this.field },
        },
      ]
    }
    return body
  }
}

export const invalid = (field: string, message: string) => new ControlPlaneError('INVALID_PARAMETER_VALUE', message, field)

export const notFound = (name: string) =>
  new ControlPlaneError('RESOURCE_DOES_NOT_EXIST', `Serving endpoint with name '${name}' does not exist.`)

/** No route for this method and path: Databricks' own answer to a wrong path or verb. */
export const noRoute = (method: string, path: string) =>
  new ControlPlaneError('ENDPOINT_NOT_FOUND', `No API found for '${method} ${path}'.`)

/**
 * 413 for a body over a size bound. The code is BAD_REQUEST, not RESOURCE_EXHAUSTED: the SDKs map
 * RESOURCE_EXHAUSTED to TooManyRequests and retry it, which would resend the same oversized body.
 */
export function payloadTooLarge(message: string): ControlPlaneError {
  const error = new ControlPlaneError('BAD_REQUEST', message)
  ;(error as { status: number }).status = 413
  return error
}

/** The error an injected fault answers with. Its message avoids "Unexpected error" (the JS SDK retries those). */
export function faultError(status: number): ControlPlaneError {
  const code = CODE_FOR_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST')
  const error = new ControlPlaneError(code, `The serving service answered ${status} (${code}). Try again.`)
  ;(error as { status: number }).status = status
  return error
}
