import { describe, expect, it } from 'vitest'
import { TAG_KEY_MAX as API_TAG_KEY_MAX, TAG_VALUE_MAX as API_TAG_VALUE_MAX } from '../../mocks/control-plane/settings-validation'
import { TAG_KEY_MAX, TAG_VALUE_MAX, tagFormSchema, toEndpointTag, type TagFormValues } from './tags-schema'

function problems(values: TagFormValues): Record<string, string> {
  const result = tagFormSchema.safeParse(values)
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]))
}

describe('tag form schema', () => {
  it('uses the same limits as the API', () => {
    expect(TAG_KEY_MAX).toBe(API_TAG_KEY_MAX)
    expect(TAG_VALUE_MAX).toBe(API_TAG_VALUE_MAX)
  })

  it.each(['', '   ', '\t\n'])('asks for a key when it is %j', (key) => {
    expect(problems({ key, value: 'gold' })).toEqual({ key: 'Enter a tag key.' })
  })

  it('accepts a key of 255 characters and refuses 256', () => {
    expect(problems({ key: 'k'.repeat(255), value: '' })).toEqual({})
    expect(problems({ key: 'k'.repeat(256), value: '' })).toEqual({ key: 'Tag keys are at most 255 characters.' })
  })

  it('counts the key without the spaces around it, as it is sent trimmed', () => {
    expect(problems({ key: ` ${'k'.repeat(255)} `, value: '' })).toEqual({})
  })

  it('accepts a value of 255 characters and refuses 256', () => {
    expect(problems({ key: 'team', value: 'v'.repeat(255) })).toEqual({})
    expect(problems({ key: 'team', value: 'v'.repeat(256) })).toEqual({ value: 'Tag values are at most 255 characters.' })
  })

  it('reports both fields at once', () => {
    expect(problems({ key: '', value: 'v'.repeat(256) })).toEqual({
      key: 'Enter a tag key.',
      value: 'Tag values are at most 255 characters.',
    })
  })

  it('has no character rules: HTML is a key like any other', () => {
    expect(problems({ key: '<script>alert(1)</script>', value: '<b>x</b>' })).toEqual({})
  })

  it('sends the key trimmed, the value as typed, and no value when it is empty', () => {
    expect(toEndpointTag(tagFormSchema.parse({ key: '  team ', value: ' growth ' }))).toEqual({ key: 'team', value: ' growth ' })
    expect(toEndpointTag(tagFormSchema.parse({ key: 'reviewed', value: '' }))).toEqual({ key: 'reviewed' })
  })
})
