import { describe, expect, it } from 'vitest'
import { servingApi } from '../../api/endpoints'
import { clock, server } from '../node'

describe('smoke', () => {
  it('lists and creates through fetch', async () => {
    const list = await servingApi.list()
    expect(list.endpoints.length).toBeGreaterThan(10)
    server.setControls({ deployMs: 1000 })
    const created = await servingApi.create({
      name: 'openai_endpoint',
      config: { served_entities: [{ name: 'openai_embeddings', external_model: { name: 'text-embedding-ada-002', provider: 'openai', task: 'llm/v1/embeddings', openai_config: { openai_api_key: '{{secrets/my_scope/my_openai_api_key}}' } } }] },
      rate_limits: [{ calls: 100, key: 'user', renewal_period: 'minute' }],
      tags: [{ key: 'team', value: 'gen-ai' }],
    })
    expect(created.state).toEqual({ ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    clock.advance(1000)
    const got = await servingApi.get('openai_endpoint')
    expect(got.state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
    expect(got.config?.traffic_config.routes).toEqual([{ served_entity_name: 'openai_embeddings', traffic_percentage: 100 }])
  })
})
