// The Query endpoint dialog's form: the request body as typed, which must parse to a JSON object.
import type { QueryRequest } from '../../api/types'
import { z } from '../../lib/zod'
import { parseRequest } from './query-request'

export const queryFormSchema = z.object({
  body: z.string().transform((text, ctx): QueryRequest => {
    const parsed = parseRequest(text)
    if (parsed.ok) return parsed.body
    ctx.addIssue({ code: 'custom', message: parsed.message })
    return z.NEVER
  }),
})

/** What the text box holds. */
export type QueryFormValues = z.input<typeof queryFormSchema>
/** What a valid form gives: the parsed request. */
export type ParsedQuery = z.output<typeof queryFormSchema>
