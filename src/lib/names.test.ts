import { describe, expect, it } from 'vitest'
import { defaultServedEntityName, servedEntityNameProblem } from './names'

describe('defaultServedEntityName', () => {
  it('names a Unity Catalog entity <model>-<version>', () => {
    expect(defaultServedEntityName({ entity_name: 'main.default.churn_model', entity_version: '4' })).toBe('churn_model-4')
  })

  it.each([
    { model: 'text-embedding-3-large', name: 'text-embedding-3-large' },
    { model: 'embed-english-v3.0', name: 'embed-english-v3-0' },
    { model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', name: 'anthropic-claude-3-5-sonnet-20240620-v1-0' },
    // Free-text model names the providers really use, and anything else a person may type.
    { model: 'claude-3-5-sonnet-v2@20241022', name: 'claude-3-5-sonnet-v2-20241022' },
    { model: 'my model (test)', name: 'my-model--test-' },
    { model: '<img src=x onerror=alert(1)>', name: '-img-src-x-onerror-alert-1--' },
  ])('turns the external model name $model into an acceptable served-entity name', ({ model, name }) => {
    const served = defaultServedEntityName({ external_model: { name: model } })
    expect(served).toBe(name)
    expect(servedEntityNameProblem(served)).toBeUndefined()
  })
})
