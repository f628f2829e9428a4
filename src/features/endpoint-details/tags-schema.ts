// The details page's Add tag form: its values, its schema (the API's 255-character limits) and the tag it sends.
import type { EndpointTag } from '../../api/types'
import { z } from '../../lib/zod'

export const TAG_KEY_MAX = 255
export const TAG_VALUE_MAX = 255

export const tagFormSchema = z.object({
  key: z.string().trim().min(1, 'Enter a tag key.').max(TAG_KEY_MAX, `Tag keys are at most ${TAG_KEY_MAX} characters.`),
  value: z.string().max(TAG_VALUE_MAX, `Tag values are at most ${TAG_VALUE_MAX} characters.`),
})

/** What the inputs hold. */
export type TagFormValues = z.input<typeof tagFormSchema>
/** What a valid form gives: the key trimmed. */
export type ParsedTag = z.output<typeof tagFormSchema>

export const emptyTag: TagFormValues = { key: '', value: '' }

/** An empty value means a tag without one, which the API stores without a `value`. */
export function toEndpointTag({ key, value }: ParsedTag): EndpointTag {
  return value === '' ? { key } : { key, value }
}
