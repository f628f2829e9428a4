// `encoding_format` of an embeddings request: vectors as JSON numbers, or as base64 of little-endian float32
// (what the OpenAI client asks for when its caller names no format, and decodes itself).
import type { QueryResponse } from '../../api/types'
import { invalid } from './errors'
import { isRecord } from './validation'

export type EncodedResponse =
  QueryResponse | { object: 'list'; model: string; data: { object: 'embedding'; index: number; embedding: string }[] }

function base64Float32(vector: readonly number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4))
  vector.forEach((value, i) => view.setFloat32(i * 4, value, true))
  let binary = ''
  for (const byte of new Uint8Array(view.buffer)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** The answer with its vectors in the requested encoding; any other `encoding_format` is a 400. */
export function encodeEmbeddings(body: unknown, response: QueryResponse): EncodedResponse {
  const format = isRecord(body) ? body.encoding_format : undefined
  if (format === undefined || format === null || format === 'float') return response
  if (format !== 'base64') throw invalid('encoding_format', "'encoding_format' must be 'float' or 'base64'.")
  if (!('object' in response) || response.object !== 'list') return response
  return { ...response, data: response.data.map((d) => ({ ...d, embedding: base64Float32(d.embedding) })) }
}
