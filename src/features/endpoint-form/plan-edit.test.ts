import { describe, expect, it } from 'vitest'
import { EMPTY_GATEWAY, gatewayValuesOf } from '../../components/ai-gateway/gateway-values'
import { EMPTY_FORM, newEntityRow, type EndpointFormValues } from './form-schema'
import { afterStep, planEdit, type EditStep } from './plan-edit'

const BEFORE: EndpointFormValues = {
  ...EMPTY_FORM,
  name: 'churn',
  entities: [
    {
      ...newEntityRow(),
      entity: { kind: 'uc', entity_name: 'main.default.churn_model', entity_version: '4' },
      scale_to_zero: false,
    },
  ],
  tags: [
    { key: 'team', value: 'ml' },
    { key: 'env', value: 'prod' },
  ],
  rate_limits: [{ calls: '10', tokens: '', key: 'user', principal: '' }],
}

const edit = (change: Partial<EndpointFormValues>): EndpointFormValues => ({ ...BEFORE, ...change })
const kinds = (steps: EditStep[]) => steps.map((s) => s.kind)

/** An endpoint whose gateway holds limits only the gateway API carries, and a guardrail. */
const FULL: EndpointFormValues = {
  ...BEFORE,
  ...gatewayValuesOf({
    usage_tracking_config: { enabled: false },
    rate_limits: [
      { calls: 10, key: 'user', renewal_period: 'minute' },
      { tokens: 1000, key: 'endpoint', renewal_period: 'minute' },
      { calls: 5, key: 'user_group', principal: 'analysts', renewal_period: 'minute' },
    ],
    guardrails: { input: { safety: true } },
  }),
}

describe('planEdit', () => {
  it.each<[string, EndpointFormValues, string[]]>([
    ['no change', BEFORE, []],
    ['route optimization, which an edit does not send', edit({ route_optimized: true }), []],
    ['only tags', edit({ tags: [{ key: 'team', value: 'ml' }] }), ['tags']],
    ['only the entity settings', edit({ entities: [{ ...BEFORE.entities[0], scale_to_zero: true }] }), ['config']],
    ['config and tags', edit({ entities: [{ ...BEFORE.entities[0], workload_size: 'Medium' }], tags: [] }), ['config', 'tags']],
    ['rate limits cleared', edit({ rate_limits: [] }), ['rateLimits']],
    ['gateway changed', edit({ usage_tracking: true }), ['aiGateway']],
    ['gateway and rate limits: one gateway request', edit({ usage_tracking: true, rate_limits: [] }), ['aiGateway']],
    [
      'a tokens limit, which only the gateway carries',
      edit({ rate_limits: [{ calls: '', tokens: '50', key: 'user', principal: '' }] }),
      ['aiGateway'],
    ],
    [
      'a guardrail',
      edit({ guardrails: { ...EMPTY_GATEWAY.guardrails, output: { ...EMPTY_GATEWAY.guardrails.output, pii: 'MASK' } } }),
      ['aiGateway'],
    ],
    ['fallbacks', edit({ fallback: true }), ['aiGateway']],
    [
      'everything, in the order the requests go',
      edit({
        entities: [{ ...BEFORE.entities[0], workload_size: 'Large' }],
        tags: [],
        usage_tracking: true,
      }),
      ['config', 'tags', 'aiGateway'],
    ],
    [
      'config, tags and rate limits',
      edit({
        entities: [{ ...BEFORE.entities[0], workload_size: 'Large' }],
        tags: [{ key: 'new', value: '' }],
        rate_limits: [{ calls: '20', tokens: '', key: 'endpoint', principal: '' }],
      }),
      ['config', 'tags', 'rateLimits'],
    ],
  ])('%s', (_, values, expected) => {
    expect(kinds(planEdit(BEFORE, values))).toEqual(expected)
  })

  it('tags: adds new and changed tags, removes dropped keys', () => {
    const values = edit({
      tags: [
        { key: 'team', value: 'data' },
        { key: 'owner', value: '' },
      ],
    })
    expect(planEdit(BEFORE, values)).toEqual([
      { kind: 'tags', add: [{ key: 'team', value: 'data' }, { key: 'owner' }], remove: ['env'] },
    ])
  })

  it('config: the body is the whole config for PUT', () => {
    const values = edit({ entities: [{ ...BEFORE.entities[0], workload_size: 'Medium' }] })
    expect(planEdit(BEFORE, values)).toEqual([
      {
        kind: 'config',
        body: {
          served_entities: [
            {
              name: 'churn_model-4',
              entity_name: 'main.default.churn_model',
              entity_version: '4',
              workload_type: 'CPU',
              workload_size: 'Medium',
              scale_to_zero_enabled: false,
            },
          ],
          traffic_config: { routes: [{ served_entity_name: 'churn_model-4', traffic_percentage: 100 }] },
        },
      },
    ])
  })

  it('rate limits cleared: an empty PUT', () => {
    expect(planEdit(BEFORE, edit({ rate_limits: [] }))).toEqual([{ kind: 'rateLimits', body: [] }])
  })

  it('gateway: the whole config for PUT, every limit, guardrail and fallback the form holds', () => {
    const values: EndpointFormValues = {
      ...FULL,
      usage_tracking: true,
      inference_table: { enabled: true, catalog: ' main ', schema: 'logs', prefix: '' },
    }
    expect(planEdit(FULL, values)).toEqual([
      {
        kind: 'aiGateway',
        body: {
          usage_tracking_config: { enabled: true },
          inference_table_config: { enabled: true, catalog_name: 'main', schema_name: 'logs' },
          rate_limits: [
            { calls: 10, key: 'user', renewal_period: 'minute' },
            { tokens: 1000, key: 'endpoint', renewal_period: 'minute' },
            { calls: 5, key: 'user_group', principal: 'analysts', renewal_period: 'minute' },
          ],
          guardrails: { input: { safety: true } },
          fallback_config: { enabled: false },
        },
      },
    ])
  })

  it('a retry after a partial failure plans only what still differs', () => {
    const values = edit({ entities: [{ ...BEFORE.entities[0], workload_size: 'Large' }], tags: [] })
    const [config] = planEdit(BEFORE, values)
    const saved = afterStep(BEFORE, values, config.kind)
    expect(kinds(planEdit(saved, values))).toEqual(['tags'])
    expect(planEdit(afterStep(saved, values, 'tags'), values)).toEqual([])
  })
})
