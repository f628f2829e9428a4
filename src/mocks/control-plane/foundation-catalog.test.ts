import { describe, expect, it } from 'vitest'
import { FOUNDATION_MODELS, foundationModelFor } from '../../lib/foundation-models'
import { createBody, setup } from './test-support'

describe('the shared foundation-model catalog', () => {
  it('gives every seeded pay-per-token endpoint its task and label', () => {
    const { cp } = setup()
    const payPerToken = cp.list().endpoints.filter((e) => e.name.startsWith('databricks-'))
    expect(payPerToken.map((e) => e.name).sort()).toEqual(
      FOUNDATION_MODELS.flatMap((m) => (m.pay_per_token ? [m.pay_per_token.endpoint] : [])).sort(),
    )
    for (const summary of payPerToken) {
      const endpoint = cp.get(summary.name)
      const [entity] = endpoint.config?.served_entities ?? []
      const model = foundationModelFor(entity?.entity_name)
      expect(model?.pay_per_token?.endpoint).toBe(endpoint.name)
      expect(endpoint.task).toBe(model?.task)
      expect(entity?.foundation_model?.display_name).toBe(model?.display_name)
    }
  })

  it('takes a provisioned-throughput endpoint’s task from the catalog', () => {
    const { cp } = setup()
    const gte = { entity_name: 'system.ai.gte_large_en_v1_5', entity_version: '1', provisioned_model_units: 50 }
    expect(cp.create(createBody('pt-gte', [gte])).task).toBe('llm/v1/embeddings')
  })

  it('guesses no task for a model not in the catalog, whatever its name', () => {
    const { cp } = setup()
    const unknown = { entity_name: 'system.ai.gte_unlisted_v9', entity_version: '1', provisioned_model_units: 50 }
    expect(foundationModelFor(unknown.entity_name)).toBeUndefined()
    expect(cp.create(createBody('pt-unknown', [unknown])).task).toBeUndefined()
  })
})
