import { describe, expect, it } from 'vitest'
import { createBody, custom, errorOf, external, openai, setup } from './test-support'

/** Creates with the given body and returns the 400 it must answer. */
function refused(body: unknown) {
  const { cp } = setup()
  const error = errorOf(() => cp.create(body))
  expect(error.status).toBe(400)
  expect(error.errorCode).toBe('INVALID_PARAMETER_VALUE')
  return error
}

const twoWay = (a: number, b: number) => ({
  routes: [
    { served_entity_name: 'churn_model-3', traffic_percentage: a },
    { served_entity_name: 'churn_model-4', traffic_percentage: b },
  ],
})

/** Routes as answered: each also names its entity as served_model_name. */
const answered = (traffic: ReturnType<typeof twoWay>) => ({
  routes: traffic.routes.map((r) => ({
    served_entity_name: r.served_entity_name,
    served_model_name: r.served_entity_name,
    traffic_percentage: r.traffic_percentage,
  })),
})

describe('endpoint names', () => {
  it.each([
    ['empty', '', 'Name is required.'],
    ['blank', '   ', 'Name is required.'],
    ['bad characters', 'my endpoint!', 'Name may contain only letters, digits, dashes (-) and underscores (_).'],
    ['64 characters', 'a'.repeat(64), 'Name must be at most 63 characters.'],
    [
      'databricks- prefix',
      'databricks-my-llm',
      'Names starting with "databricks-" are reserved for Databricks system endpoints.',
    ],
    [
      'DATABRICKS- prefix',
      'Databricks-My-LLM',
      'Names starting with "databricks-" are reserved for Databricks system endpoints.',
    ],
  ])('refuses a name that is %s', (_, name, message) => {
    const error = refused(createBody(name))
    expect(error.field).toBe('name')
    expect(error.message).toBe(message)
  })

  it('refuses a missing name and a body that is not an object', () => {
    expect(refused({ config: { served_entities: [external()] } }).message).toBe("Field 'name' is required.")
    expect(refused([1, 2]).field).toBe('body')
  })

  it('accepts 63 characters, digits, dashes and underscores', () => {
    const { cp } = setup()
    const name = `A_1-${'b'.repeat(59)}`
    expect(cp.create(createBody(name)).name).toBe(name)
  })

  it.each([
    ['a seeded endpoint', 'churn-predictor'],
    ['an endpoint created a moment ago', 'fresh'],
  ])('refuses the name of %s with 409 RESOURCE_ALREADY_EXISTS and the documented message', (_, name) => {
    const { cp } = setup()
    if (name === 'fresh') cp.create(createBody(name))
    const error = errorOf(() => cp.create(createBody(name)))
    expect(error.status).toBe(409)
    expect(error.errorCode).toBe('RESOURCE_ALREADY_EXISTS')
    expect(error.message).toBe(`Serving endpoint with name '${name}' already exists.`)
    expect(error.field).toBe('name')
  })
})

describe('served entities', () => {
  it('needs a config with at least one served entity', () => {
    expect(refused({ name: 'x' }).field).toBe('config')
    const error = refused(createBody('x', []))
    expect(error.field).toBe('served_entities')
    expect(error.message).toBe('At least one served entity is required.')
  })

  it('refuses an entity that is both an external model and a Unity Catalog model, or neither', () => {
    expect(refused(createBody('x', [{ ...custom('3'), external_model: openai() }])).message).toBe(
      'Served entity 1 must be either an external model or a Unity Catalog model, not both.',
    )
    expect(refused(createBody('x', [{ name: 'nothing' }])).field).toBe('served_entities[0].entity_name')
  })

  it('needs an entity_version for a Unity Catalog model, and accepts a number', () => {
    expect(refused(createBody('x', [custom('')])).field).toBe('served_entities[0].entity_version')
    const { cp } = setup()
    const created = cp.create(createBody('x', [custom('3', { entity_version: 3 })]))
    expect(created.pending_config?.served_entities[0].entity_version).toBe('3')
  })

  it('needs a workload size unless provisioned throughput is given', () => {
    const error = refused(createBody('x', [custom('3', { workload_size: undefined })]))
    expect(error.field).toBe('served_entities[0].workload_size')
    expect(error.message).toBe('Served entity 1 needs a workload_size (Small, Medium or Large).')
    expect(refused(createBody('x', [custom('3', { workload_size: 'Huge' })])).message).toContain("'Huge'")
    const { cp } = setup()
    const pt = { entity_name: 'system.ai.meta_llama_v3_3_70b_instruct', entity_version: '3', provisioned_model_units: 50 }
    expect(cp.create(createBody('pt', [pt])).task).toBe('llm/v1/chat')
  })

  it('needs scale_to_zero_enabled set to true or false on a custom model', () => {
    const error = refused(createBody('x', [custom('3', { scale_to_zero_enabled: undefined })]))
    expect(error.field).toBe('served_entities[0].scale_to_zero_enabled')
    expect(error.message).toBe('scaleToZeroEnabled is undefined. Please set it to either true or false.')
    const { cp } = setup()
    expect(cp.create(createBody('x', [custom('3', { scale_to_zero_enabled: false })])).name).toBe('x')
  })

  it('refuses compute settings on an external model', () => {
    expect(refused(createBody('x', [{ ...external(), workload_size: 'Small' }])).field).toBe('served_entities[0].workload_size')
  })

  it('refuses duplicate entity names, given or defaulted', () => {
    const error = refused(createBody('x', [custom('3'), custom('3')]))
    expect(error.field).toBe('served_entities[1].name')
    expect(error.message).toBe("Served entity name 'churn_model-3' is used more than once in this config.")
    expect(refused(createBody('x', [custom('3', { name: 'a' }), custom('4', { name: 'a' })])).field).toBe(
      'served_entities[1].name',
    )
  })

  it('refuses a served entity name with bad characters', () => {
    expect(refused(createBody('x', [custom('3', { name: 'my model' })])).field).toBe('served_entities[0].name')
  })

  it('refuses an external model next to a second entity', () => {
    const error = refused(createBody('x', [external(), custom('3')]))
    expect(error.field).toBe('served_entities')
    expect(error.message).toBe('An endpoint that serves an external model must have exactly one served entity.')
  })

  it('names entities by default from model and version, or from the external model', () => {
    const { cp } = setup()
    const created = cp.create(createBody('x', [{ external_model: { ...openai(), name: 'gpt-4.1' } }]))
    expect(created.pending_config?.served_entities[0].name).toBe('gpt-4-1')
    expect(created.pending_config?.traffic_config.routes).toEqual([
      { served_entity_name: 'gpt-4-1', served_model_name: 'gpt-4-1', traffic_percentage: 100 },
    ])
  })
})

describe('traffic config', () => {
  it('is required for two entities', () => {
    const error = refused(createBody('x', [custom('3'), custom('4')]))
    expect(error.field).toBe('traffic_config')
  })

  it('refuses a route to an entity not in the config', () => {
    const body = createBody('x', [custom('3'), custom('4')])
    const routes = twoWay(50, 50).routes
    routes[1].served_entity_name = 'churn_model-9'
    body.config = { ...body.config, traffic_config: { routes } }
    const error = refused(body)
    expect(error.field).toBe('traffic_config.routes[1].served_entity_name')
    expect(error.message).toContain("'churn_model-9'")
  })

  it.each([
    [50.5, 49.5],
    [-10, 110],
    [150, -50],
  ])('refuses the non-integer or out-of-range split %d / %d', (a, b) => {
    const body = createBody('x', [custom('3'), custom('4')])
    body.config = { ...body.config, traffic_config: twoWay(a, b) }
    expect(refused(body).field).toMatch(/^traffic_config\.routes\[\d\]\.traffic_percentage$/)
  })

  it('refuses percentages that do not add up to 100', () => {
    const body = createBody('x', [custom('3'), custom('4')])
    body.config = { ...body.config, traffic_config: twoWay(60, 30) }
    const error = refused(body)
    expect(error.field).toBe('traffic_config')
    expect(error.message).toBe('Traffic percentages must add up to 100; they add up to 90.')
  })

  it('accepts a 100 / 0 split and keeps it as sent', () => {
    const { cp } = setup()
    const body = createBody('x', [custom('3'), custom('4')])
    body.config = { ...body.config, traffic_config: twoWay(100, 0) }
    expect(cp.create(body).pending_config?.traffic_config).toEqual(answered(twoWay(100, 0)))
  })

  it('answers each route with served_model_name beside served_entity_name, as the docs’ example does', () => {
    const { cp } = setup()
    const body = createBody('x', [custom('3'), custom('4')])
    body.config = { ...body.config, traffic_config: twoWay(30, 70) }
    const created = cp.create(body)
    expect(created.pending_config?.traffic_config.routes).toEqual([
      { served_entity_name: 'churn_model-3', served_model_name: 'churn_model-3', traffic_percentage: 30 },
      { served_entity_name: 'churn_model-4', served_model_name: 'churn_model-4', traffic_percentage: 70 },
    ])
  })

  it('takes routes that name their entity with served_model_name, and refuses a route naming two', () => {
    const { cp } = setup()
    const legacyRoutes = {
      routes: [
        { served_model_name: 'churn_model-3', traffic_percentage: 40 },
        { served_model_name: 'churn_model-4', traffic_percentage: 60 },
      ],
    }
    const body = createBody('x', [custom('3'), custom('4')])
    body.config = { ...body.config, traffic_config: legacyRoutes as unknown as ReturnType<typeof twoWay> }
    expect(cp.create(body).pending_config?.traffic_config).toEqual(answered(twoWay(40, 60)))
    const both = createBody('y', [custom('3'), custom('4')])
    const routes = [
      { served_entity_name: 'churn_model-3', served_model_name: 'churn_model-4', traffic_percentage: 50 },
      { served_entity_name: 'churn_model-4', traffic_percentage: 50 },
    ]
    both.config = { ...both.config, traffic_config: { routes } }
    expect(refused(both).field).toBe('traffic_config.routes[0].served_model_name')
  })
})

describe('the legacy served_models list (MLflow’s older clients)', () => {
  /** What mlflow.deployments' older Databricks client sends. */
  const legacyModel = (version: string, extra: Record<string, unknown> = {}) => ({
    model_name: 'main.default.churn_model',
    model_version: version,
    workload_size: 'Small',
    scale_to_zero_enabled: true,
    ...extra,
  })

  it('is accepted on create and served as served entities', () => {
    const { cp } = setup()
    const created = cp.create({
      name: 'legacy',
      config: {
        served_models: [
          legacyModel('3', { name: 'champion', environment_vars: { MODE: 'fast' }, workload_type: 'GPU_SMALL' }),
          legacyModel('4'),
        ],
        traffic_config: {
          routes: [
            { served_model_name: 'champion', traffic_percentage: 80 },
            { served_model_name: 'churn_model-4', traffic_percentage: 20 },
          ],
        },
      },
    })
    expect(created.pending_config?.served_entities).toEqual([
      expect.objectContaining({
        name: 'champion',
        entity_name: 'main.default.churn_model',
        entity_version: '3',
        workload_size: 'Small',
        workload_type: 'GPU_SMALL',
        scale_to_zero_enabled: true,
        environment_vars: { MODE: 'fast' },
      }),
      expect.objectContaining({
        name: 'churn_model-4',
        entity_name: 'main.default.churn_model',
        entity_version: '4',
        workload_type: 'CPU',
      }),
    ])
    expect(created.pending_config?.served_entities[0]).not.toHaveProperty('model_name')
    expect(created.pending_config?.traffic_config.routes).toEqual([
      { served_entity_name: 'champion', served_model_name: 'champion', traffic_percentage: 80 },
      { served_entity_name: 'churn_model-4', served_model_name: 'churn_model-4', traffic_percentage: 20 },
    ])
  })

  it('is accepted on a config update', () => {
    const plane = setup()
    const updating = plane.cp.updateConfig('churn-predictor', { served_models: [legacyModel('5')] })
    expect(updating.pending_config?.served_entities[0]).toMatchObject({
      name: 'churn_model-5',
      entity_name: 'main.default.churn_model',
      entity_version: '5',
    })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['both lists', { served_entities: [custom('3')], served_models: [legacyModel('3')] }, 'served_models'],
    [
      'an entry without model_name',
      { served_models: [{ model_version: '3', workload_size: 'Small', scale_to_zero_enabled: true }] },
      'served_models[0].model_name',
    ],
    [
      'an entry without model_version',
      { served_models: [legacyModel('3', { model_version: undefined })] },
      'served_models[0].model_version',
    ],
    [
      'an entry without scale_to_zero_enabled',
      { served_models: [legacyModel('3', { scale_to_zero_enabled: undefined })] },
      'served_models[0].scale_to_zero_enabled',
    ],
    [
      'an entity field in a legacy entry',
      { served_models: [legacyModel('3', { entity_name: 'main.default.x' })] },
      'served_models[0].entity_name',
    ],
    [
      'an external model in a legacy entry',
      { served_models: [legacyModel('3', { external_model: openai() })] },
      'served_models[0].external_model',
    ],
    ['an empty legacy list', { served_models: [] }, 'served_models'],
  ])('refuses %s, naming the field', (_, config, field) => {
    const error = refused({ name: 'legacy', config })
    expect(error.field).toBe(field)
    expect(error.message).not.toContain('needs an entity_name or an external_model')
  })
})

describe('tags, rate limits and AI Gateway on create', () => {
  it('refuses a tag with an empty key', () => {
    const error = refused(
      createBody('x', undefined, {
        tags: [
          { key: 'team', value: 'a' },
          { key: ' ', value: 'b' },
        ],
      }),
    )
    expect(error.field).toBe('tags[1].key')
    expect(error.message).toBe('Tag 2 needs a key.')
  })

  it.each([-1, 1.5, '10'])('refuses the rate limit calls %s', (calls) => {
    const error = refused(createBody('x', undefined, { rate_limits: [{ calls, key: 'user', renewal_period: 'minute' }] }))
    expect(error.field).toBe('rate_limits[0].calls')
    expect(error.message).toBe('Rate limits must be non-negative integers.')
  })

  it('refuses rate limit calls that do not fit in an int64', () => {
    const error = refused(createBody('x', undefined, { rate_limits: [{ calls: 1e19, key: 'user', renewal_period: 'minute' }] }))
    expect(error.field).toBe('rate_limits[0].calls')
    expect(error.message).toBe('Rate limits must be at most 9223372036854775807.')
    const ai_gateway = { rate_limits: [{ tokens: 2e19, key: 'endpoint', renewal_period: 'minute' }] }
    const gatewayError = refused(createBody('x', undefined, { ai_gateway }))
    expect(gatewayError.field).toBe('ai_gateway.rate_limits[0].tokens')
    expect(gatewayError.message).toBe('Rate limits must be at most 9223372036854775807.')
  })

  it('refuses an unknown rate limit key and a renewal period other than minute', () => {
    expect(refused(createBody('x', undefined, { rate_limits: [{ calls: 1, key: 'team' }] })).field).toBe('rate_limits[0].key')
    expect(refused(createBody('x', undefined, { rate_limits: [{ calls: 1, renewal_period: 'hour' }] })).field).toBe(
      'rate_limits[0].renewal_period',
    )
  })

  it('refuses an enabled inference table without a catalog', () => {
    const ai_gateway = { inference_table_config: { enabled: true, schema_name: 's' } }
    expect(refused(createBody('x', undefined, { ai_gateway })).field).toBe('ai_gateway.inference_table_config.catalog_name')
  })

  it('keeps tags, rate limits (as AI Gateway limits) and route_optimized false by default', () => {
    const { cp } = setup()
    const created = cp.create(
      createBody('x', undefined, { tags: [{ key: 'team', value: 'gen-ai' }], rate_limits: [{ calls: 100, key: 'user' }] }),
    )
    expect(created.tags).toEqual([{ key: 'team', value: 'gen-ai' }])
    expect(created.ai_gateway?.rate_limits).toEqual([{ calls: 100, key: 'user', renewal_period: 'minute' }])
    expect(created.route_optimized).toBe(false)
    expect(created.permission_level).toBe('CAN_MANAGE')
  })
})

describe('environment variables', () => {
  const withEnv = (environment_vars: unknown) => ({
    name: 'env-model',
    config: { served_entities: [custom('4', { environment_vars })] },
  })

  it('stores names with string values and returns them', () => {
    const { cp } = setup()
    const created = cp.create(withEnv({ OPENAI_API_KEY: '{{secrets/team/openai}}', DEBUG: '' }))
    expect(created.pending_config?.served_entities[0].environment_vars).toEqual({
      OPENAI_API_KEY: '{{secrets/team/openai}}',
      DEBUG: '',
    })
  })

  it.each([
    [
      'a name with a dash',
      { 'MY-VAR': '1' },
      'served_entities[0].environment_vars',
      "Environment variable name 'MY-VAR' is invalid: use letters, digits and underscores, not starting with a digit.",
    ],
    [
      'a name starting with a digit',
      { '1A': '1' },
      'served_entities[0].environment_vars',
      "Environment variable name '1A' is invalid: use letters, digits and underscores, not starting with a digit.",
    ],
    [
      'a number value',
      { PORT: 8080 },
      'served_entities[0].environment_vars.PORT',
      "Environment variable 'PORT' must have a string value.",
    ],
    [
      'a list',
      ['A=1'],
      'served_entities[0].environment_vars',
      "Field 'served_entities[0].environment_vars' must be an object of variable names to string values.",
    ],
  ])('refuses %s', (_, env, field, message) => {
    const error = refused(withEnv(env))
    expect([error.field, error.message]).toEqual([field, message])
  })
})

describe('duplicate traffic routes', () => {
  it('refuses two routes to the same served entity, naming the second', () => {
    const body = createBody('x', [custom('3'), custom('4')])
    const routes = [
      { served_entity_name: 'churn_model-3', traffic_percentage: 50 },
      { served_entity_name: 'churn_model-3', traffic_percentage: 50 },
    ]
    body.config = { ...body.config, traffic_config: { routes } }
    const error = refused(body)
    expect(error.field).toBe('traffic_config.routes[1].served_entity_name')
    expect(error.message).toBe("Served entity 'churn_model-3' has more than one route: give each entity one route.")
  })
})

describe('int64 fields', () => {
  // 2^63 - 1 is not a double: JSON's 9223372036854775807 and 9223372036854775808 both parse to 2^63.
  const TWO_63 = JSON.parse('9223372036854775808') as number

  it('refuses rate limit calls and tokens of 2^63', () => {
    const error = refused(createBody('x', undefined, { rate_limits: [{ calls: TWO_63, key: 'user', renewal_period: 'minute' }] }))
    expect([error.field, error.message]).toEqual(['rate_limits[0].calls', 'Rate limits must be at most 9223372036854775807.'])
    for (const k of ['calls', 'tokens']) {
      const ai_gateway = { rate_limits: [{ [k]: TWO_63, key: 'endpoint', renewal_period: 'minute' }] }
      expect(refused(createBody('x', undefined, { ai_gateway })).field).toBe(`ai_gateway.rate_limits[0].${k}`)
    }
    const { cp } = setup()
    expect(errorOf(() => cp.putRateLimits('churn-predictor', { rate_limits: [{ calls: TWO_63, key: 'user' }] })).field).toBe(
      'rate_limits[0].calls',
    )
  })

  it('accepts the largest double below 2^63', () => {
    const { cp } = setup()
    const calls = 2 ** 63 - 1024
    const created = cp.create(createBody('x', undefined, { rate_limits: [{ calls, key: 'user' }] }))
    expect(created.ai_gateway?.rate_limits?.[0].calls).toBe(calls)
  })

  it.each(['provisioned_model_units', 'min_provisioned_throughput', 'max_provisioned_throughput'])(
    'refuses %s of 2^63',
    (key) => {
      const pt = {
        entity_name: 'system.ai.meta_llama_v3_3_70b_instruct',
        entity_version: '3',
        provisioned_model_units: 50,
        [key]: TWO_63,
      }
      const error = refused(createBody('pt', [pt]))
      expect(error.field).toBe(`served_entities[0].${key}`)
      expect(error.message).toContain('9223372036854775807')
    },
  )
})

describe('fields of the wrong type are refused, not coerced', () => {
  it.each([
    ['description', 42, 'string'],
    ['description', ['a'], 'string'],
    ['route_optimized', 'yes', 'boolean'],
    ['route_optimized', 1, 'boolean'],
  ])('refuses %s = %j', (key, value, type) => {
    const error = refused(createBody('x', [custom('3')], { [key]: value }))
    expect(error.field).toBe(key)
    expect(error.message).toBe(`Field '${key}' must be a ${type}.`)
  })

  it('keeps a description and route_optimized of the right type', () => {
    const { cp } = setup()
    const created = cp.create(createBody('x', [custom('3')], { description: 'Churn scores', route_optimized: true }))
    expect([created.description, created.route_optimized]).toEqual(['Churn scores', true])
  })

  it.each([
    ['Infinity (1e400)', JSON.parse('1e400') as number],
    ['a fraction', 1.5],
    ['a negative number', -3],
    ['a boolean', true],
    ['an object', { v: 3 }],
  ])('refuses an entity_version that is %s', (_, entity_version) => {
    const error = refused(createBody('x', [custom('3', { entity_version })]))
    expect(error.field).toBe('served_entities[0].entity_version')
    expect(error.message).toBe("Field 'served_entities[0].entity_version' must be a string.")
  })

  it.each([
    ['served_entities[0].workload_type', { workload_type: 7 }],
    ['served_entities[0].instance_profile_arn', { instance_profile_arn: 7 }],
    [
      'served_entities[0].min_provisioned_throughput',
      {
        provisioned_model_units: 50,
        workload_size: undefined,
        scale_to_zero_enabled: undefined,
        min_provisioned_throughput: '10',
      },
    ],
    ['served_entities[0].burst_scaling_enabled', { burst_scaling_enabled: 'yes' }],
  ])('refuses %s of the wrong type', (field, extra) => {
    expect(refused(createBody('x', [custom('3', extra)])).field).toBe(field)
  })

  it.each([
    ['usage_tracking_config.enabled', { usage_tracking_config: { enabled: 'yes' } }, 'a boolean'],
    ['inference_table_config.enabled', { inference_table_config: { enabled: 1 } }, 'a boolean'],
    ['inference_table_config.catalog_name', { inference_table_config: { enabled: false, catalog_name: 42 } }, 'a string'],
    ['fallback_config.enabled', { fallback_config: { enabled: 'true' } }, 'a boolean'],
    ['rate_limits[0].principal', { rate_limits: [{ calls: 1, key: 'user', principal: 42 }] }, 'a string'],
    ['guardrails.input.safety', { guardrails: { input: { safety: 'yes' } } }, 'a boolean'],
    ['guardrails.output.invalid_keywords', { guardrails: { output: { invalid_keywords: 'bad' } } }, 'a list of strings'],
    ['usage_tracking_config', { usage_tracking_config: true }, 'an object'],
  ])('refuses ai_gateway.%s of the wrong type', (field, ai_gateway, type) => {
    const error = refused(createBody('x', undefined, { ai_gateway }))
    expect(error.field).toBe(`ai_gateway.${field}`)
    expect(error.message).toBe(`Field 'ai_gateway.${field}' must be ${type}.`)
  })

  it('refuses an unknown PII behavior', () => {
    const ai_gateway = { guardrails: { input: { pii: { behavior: 'REDACT' } } } }
    expect(refused(createBody('x', undefined, { ai_gateway })).field).toBe('ai_gateway.guardrails.input.pii.behavior')
  })

  it.each([
    ['an auto_capture_config that is not an object', 'yes', 'auto_capture_config'],
    ['an auto_capture_config enabled flag that is not a boolean', { enabled: 'yes' }, 'auto_capture_config.enabled'],
  ])('refuses %s', (_, auto_capture_config, field) => {
    const body = createBody('x', [custom('3')])
    body.config = { ...body.config, auto_capture_config } as typeof body.config
    expect(refused(body).field).toBe(field)
  })
})

describe('provider config values are strings', () => {
  const AT = 'served_entities[0].external_model'
  it.each([
    [
      'openai_api_base',
      openai({ openai_api_key: '{{secrets/a/b}}', openai_api_base: 42 }),
      `${AT}.openai_config.openai_api_base`,
    ],
    [
      'openai_organization',
      openai({ openai_api_key: '{{secrets/a/b}}', openai_organization: ['org'] }),
      `${AT}.openai_config.openai_organization`,
    ],
    ['openai_api_key', openai({ openai_api_key: 42 }), `${AT}.openai_config.openai_api_key`],
    ['openai_api_type', openai({ openai_api_key: '{{secrets/a/b}}', openai_api_type: 3 }), `${AT}.openai_config.openai_api_type`],
  ])('refuses a non-string %s', (_, model, field) => {
    const error = refused(createBody('x', [external(model)]))
    expect(error.field).toBe(field)
    expect(error.message).toBe(`Field '${field}' must be a string.`)
  })

  it('refuses an openai_api_type that is not openai, azure or azuread', () => {
    const error = refused(createBody('x', [external(openai({ openai_api_key: '{{secrets/a/b}}', openai_api_type: 'gcp' }))]))
    expect(error.field).toBe(`${AT}.openai_config.openai_api_type`)
    expect(error.message).toBe("Invalid openai_api_type 'gcp'. Expected one of: openai, azure, azuread.")
  })

  it('accepts openai_api_type openai on plain OpenAI', () => {
    const { cp } = setup()
    const created = cp.create(
      createBody('x', [external(openai({ openai_api_key: '{{secrets/a/b}}', openai_api_type: 'openai' }))]),
    )
    expect(created.pending_config?.served_entities[0].external_model?.openai_config?.openai_api_type).toBe('openai')
  })
})

describe('unknown fields are refused, as the real API refuses them', () => {
  it.each([
    ['a served entity', [custom('3', { workload: 'Small' })], 'served_entities[0].workload'],
    [
      'an external model',
      [{ name: 'chat', external_model: { ...openai(), model: 'gpt-4o' } }],
      'served_entities[0].external_model.model',
    ],
    [
      'a provider config',
      [external(openai({ openai_api_key: '{{secrets/a/b}}', openai_deployment: 'x' }))],
      'served_entities[0].external_model.openai_config.openai_deployment',
    ],
    [
      'an external model entity with compute settings',
      [{ ...external(), environment_vars: { A: '1' } }],
      'served_entities[0].environment_vars',
    ],
  ])('in %s', (_, entities, field) => {
    const error = refused(createBody('x', entities))
    expect(error.field).toBe(field)
  })

  it('names the unknown field in the message', () => {
    expect(refused(createBody('x', [custom('3', { workload: 'Small' })])).message).toBe(
      "Unknown field 'served_entities[0].workload'.",
    )
  })
})
