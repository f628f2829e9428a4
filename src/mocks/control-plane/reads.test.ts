import { describe, expect, it } from 'vitest'
import { DEPLOY_MS, UPDATE_MS, createBody, createReady, custom, errorOf, setup } from './test-support'

describe('events', () => {
  it('lists newest first, each transition once', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.clock.advance(10)
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.clock.advance(10)
    plane.cp.cancelUpdate('churn')
    const { events } = plane.cp.events('churn')
    expect(events.map((e) => e.type)).toEqual([
      'CONFIG_UPDATE_CANCELED',
      'CONFIG_UPDATE_STARTED',
      'ENDPOINT_READY',
      'ENDPOINT_CREATED',
    ])
    expect(events.map((e) => e.timestamp)).toEqual([...events.map((e) => e.timestamp)].sort((a, b) => b - a))
  })

  it('puts the later of two events in the same millisecond first', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.cp.patchTags('churn', { add_tags: [{ key: 'a' }] })
    plane.cp.putRateLimits('churn', { rate_limits: [{ calls: 1, key: 'user' }] })
    expect(
      plane.cp
        .events('churn')
        .events.slice(0, 2)
        .map((e) => e.type),
    ).toEqual(['RATE_LIMITS_UPDATED', 'TAGS_UPDATED'])
  })

  it('places a rollout’s end at the time it finished, not the time it was read', () => {
    const plane = setup()
    const created = plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS * 5)
    const ended = plane.cp.events('churn').events[0]
    expect(ended).toMatchObject({ type: 'ENDPOINT_READY', timestamp: created.creation_timestamp + DEPLOY_MS })
  })
})

describe('logs', () => {
  it('serves build and server logs per served entity', () => {
    const { cp } = setup()
    for (const served of ['churn_model-3', 'churn_model-4']) {
      expect(cp.logs('churn-predictor', served, 'build').logs).toContain('Image built')
      expect(cp.logs('churn-predictor', served, 'server').logs).toContain('POST /invocations 200')
    }
  })

  it('answers 404 for a served entity the endpoint does not have', () => {
    const { cp } = setup()
    const error = errorOf(() => cp.logs('churn-predictor', 'churn_model-9', 'server'))
    expect(error.status).toBe(404)
    expect(error.message).toBe("Served entity 'churn_model-9' does not exist in serving endpoint 'churn-predictor'.")
  })

  it('serves the pending entity’s logs while it deploys, and the failure in the build log', () => {
    const plane = setup({ failNextDeploy: true })
    plane.cp.create(createBody('churn', [custom('3')]))
    expect(plane.cp.logs('churn', 'churn_model-3', 'server').logs).toContain('Waiting for the container to start')
    plane.clock.advance(DEPLOY_MS)
    expect(plane.cp.logs('churn', 'churn_model-3', 'build').logs).toContain('Container build failed.')
    expect(plane.cp.logs('churn', 'churn_model-3', 'server').logs).toContain('No server is running')
  })

  it('says an external model has no container to build', () => {
    const { cp } = setup()
    expect(cp.logs('support-chat-gpt4o', 'gpt-4o', 'build').logs).toContain(
      'External model openai/gpt-4o: no container to build.',
    )
  })
})

describe('invocations', () => {
  it('answers a chat endpoint with an assistant message and usage', () => {
    const { cp } = setup()
    const { response, servedEntity } = cp.invoke('support-chat-gpt4o', {
      messages: [{ role: 'user', content: 'What is MLflow?' }],
    })
    expect(servedEntity).toBe('gpt-4o')
    expect(response).toMatchObject({ object: 'chat.completion', model: 'gpt-4o' })
    if (!('choices' in response) || response.object !== 'chat.completion') throw new Error('not a chat answer')
    expect(response.choices[0].message.role).toBe('assistant')
    expect(response.choices[0].message.content).toContain('What is MLflow?')
    expect(response.usage.total_tokens).toBe(response.usage.prompt_tokens + response.usage.completion_tokens)
  })

  it('answers a completions endpoint with one text per prompt', () => {
    const plane = setup()
    const model = {
      name: 'claude-2.1',
      provider: 'anthropic',
      task: 'llm/v1/completions',
      anthropic_config: { anthropic_api_key: '{{secrets/a/b}}' },
    }
    createReady(plane, 'complete', [{ name: 'c', external_model: model }])
    const { response } = plane.cp.invoke('complete', { prompt: ['Once', 'Twice'] })
    if (!('object' in response) || response.object !== 'text_completion') throw new Error('not a completion')
    expect(response.choices.map((c) => c.index)).toEqual([0, 1])
    expect(typeof response.choices[0].text).toBe('string')
  })

  it('answers an embeddings endpoint with one normalised, deterministic vector per input', () => {
    const { cp } = setup()
    const first = cp.invoke('databricks-gte-large-en', { input: ['hello', 'world'] }).response
    if (!('data' in first)) throw new Error('not embeddings')
    expect(first.object).toBe('list')
    expect(first.data.map((d) => [d.object, d.index])).toEqual([
      ['embedding', 0],
      ['embedding', 1],
    ])
    const norm = Math.sqrt(first.data[0].embedding.reduce((n, v) => n + v * v, 0))
    expect(norm).toBeCloseTo(1, 3)
    expect(cp.invoke('databricks-gte-large-en', { input: ['hello', 'world'] }).response).toEqual(first)
  })

  it('answers a custom model with predictions, one per record', () => {
    const { cp } = setup()
    const { response, servedEntity } = cp.invoke('churn-predictor', { dataframe_records: [{ a: 1 }, { a: 2 }, { a: 3 }] })
    expect(servedEntity).toBe('churn_model-3')
    expect('predictions' in response && response.predictions).toHaveLength(3)
  })

  it.each<[string, Record<string, unknown>]>([
    [
      'dataframe_split',
      {
        dataframe_split: {
          columns: ['tenure', 'plan'],
          data: [
            [3, 'basic'],
            [24, 'pro'],
          ],
        },
      },
    ],
    [
      'dataframe_split with an index',
      {
        dataframe_split: {
          index: [7, 8],
          columns: ['tenure', 'plan'],
          data: [
            [3, 'basic'],
            [24, 'pro'],
          ],
        },
      },
    ],
    [
      'dataframe_records',
      {
        dataframe_records: [
          { tenure: 3, plan: 'basic' },
          { tenure: 24, plan: 'pro' },
        ],
      },
    ],
    [
      'instances',
      {
        instances: [
          [3, 'basic'],
          [24, 'pro'],
        ],
      },
    ],
    [
      'inputs as a list',
      {
        inputs: [
          [3, 'basic'],
          [24, 'pro'],
        ],
      },
    ],
    ['inputs as an object of columns', { inputs: { tenure: [3, 24], plan: ['basic', 'pro'] } }],
  ])('answers a custom model queried with %s with one prediction per row', (_, body) => {
    const { cp } = setup()
    const { response } = cp.invoke('churn-predictor', body)
    if (!('predictions' in response)) throw new Error('not predictions')
    expect(response.predictions).toHaveLength(2)
    for (const p of response.predictions) expect(typeof p).toBe('number')
  })

  it('predicts the same for the same rows, whether split, as records or as columns', () => {
    const { cp } = setup()
    const predictions = (body: Record<string, unknown>) => {
      const { response } = cp.invoke('churn-predictor', body)
      return 'predictions' in response ? response.predictions : undefined
    }
    const split = predictions({
      dataframe_split: {
        columns: ['tenure', 'plan'],
        data: [
          [3, 'basic'],
          [24, 'pro'],
        ],
      },
    })
    expect(
      predictions({
        dataframe_records: [
          { tenure: 3, plan: 'basic' },
          { tenure: 24, plan: 'pro' },
        ],
      }),
    ).toEqual(split)
    expect(predictions({ inputs: { tenure: [3, 24], plan: ['basic', 'pro'] } })).toEqual(split)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['no input at all', {}, 'dataframe_split'],
    ['two input formats', { dataframe_split: { columns: [], data: [] }, inputs: [] }, 'inputs'],
    ['a split frame without data', { dataframe_split: { columns: ['a'] } }, 'dataframe_split.data'],
    [
      'a split frame with columns that are not names',
      { dataframe_split: { columns: [1], data: [[1]] } },
      'dataframe_split.columns',
    ],
    [
      'a split row of the wrong width',
      { dataframe_split: { columns: ['a', 'b'], data: [[1, 2], [3]] } },
      'dataframe_split.data[1]',
    ],
    [
      'a split index of the wrong length',
      { dataframe_split: { columns: ['a'], data: [[1], [2]], index: [0] } },
      'dataframe_split.index',
    ],
    [
      'an unknown key in a split frame',
      { dataframe_split: { columns: ['a'], data: [[1]], dtypes: {} } },
      'dataframe_split.dtypes',
    ],
    [
      'over 10,000 split rows',
      { dataframe_split: { columns: ['a'], data: Array<number[]>(10_001).fill([1]) } },
      'dataframe_split.data',
    ],
    ['a record that is not an object', { dataframe_records: [{ a: 1 }, 2] }, 'dataframe_records[1]'],
    ['instances that are not a list', { instances: { a: [1] } }, 'instances'],
    ['input columns of different lengths', { inputs: { a: [1, 2], b: [1] } }, 'inputs.b'],
    ['inputs with no columns', { inputs: {} }, 'inputs'],
    ['over 10,000 rows of input columns', { inputs: { a: Array<number>(10_001).fill(0) } }, 'inputs.a'],
  ])('refuses a custom-model query with %s, naming the field', (_, body, field) => {
    const { cp } = setup()
    const error = errorOf(() => cp.invoke('churn-predictor', body))
    expect(error.status).toBe(400)
    expect(error.field).toBe(field)
  })

  it('refuses an endpoint that is not ready', () => {
    const plane = setup()
    plane.cp.create(createBody('churn', [custom('3')]))
    for (const name of ['churn', 'fraud-detector-v2']) {
      const error = errorOf(() => plane.cp.invoke(name, { dataframe_records: [] }))
      expect(error.status).toBe(400)
      expect(error.message).toBe(`Endpoint '${name}' is not ready: it can be queried once its state is Ready.`)
    }
  })

  it('still answers from the active config while an update is in progress', () => {
    const { cp } = setup()
    expect(cp.invoke('recsys-ranker', { inputs: [[1, 2]] }).servedEntity).toBe('ranker-11')
  })

  it('refuses a user who may only view, and answers one who may query', () => {
    const { cp } = setup()
    const error = errorOf(() => cp.invoke('shared-embeddings', { input: 'x' }))
    expect(error.status).toBe(403)
    expect(error.errorCode).toBe('PERMISSION_DENIED')
    expect(cp.invoke('claude-summarizer', { messages: [{ role: 'user', content: 'hi' }] }).servedEntity).toBe(
      'claude-3-5-haiku-latest',
    )
  })

  it('refuses a malformed request with the field at fault', () => {
    const { cp } = setup()
    expect(errorOf(() => cp.invoke('support-chat-gpt4o', { messages: [] })).field).toBe('messages')
    expect(errorOf(() => cp.invoke('support-chat-gpt4o', { messages: [{ role: 'robot', content: 'x' }] })).field).toBe('messages')
    expect(errorOf(() => cp.invoke('databricks-bge-large-en', {})).field).toBe('input')
    expect(errorOf(() => cp.invoke('churn-predictor', 'text')).field).toBe('body')
  })
})

describe('workspace reads', () => {
  it('names the current user', () => {
    expect(setup().cp.me()).toEqual({ userName: 'ada.lovelace@example.com' })
  })

  it('lists Unity Catalog models and their versions newest first, 404 for an unknown model', () => {
    const { cp } = setup()
    expect(cp.ucModels().registered_models.map((m) => m.full_name)).toContain('main.default.churn_model')
    expect(cp.ucModelVersions('main.default.churn_model').model_versions.map((v) => v.version)).toEqual([4, 3, 2, 1])
    expect(errorOf(() => cp.ucModelVersions('main.default.nope')).status).toBe(404)
  })

  it('answers the permissions of an endpoint by id', () => {
    const { cp } = setup()
    const id = cp.get('shared-embeddings').id ?? ''
    expect(id).not.toBe('')
    const acl = cp.permissions(id).access_control_list.find((e) => e.group_name === 'users')
    expect(acl?.all_permissions[0].permission_level).toBe('CAN_VIEW')
    expect(errorOf(() => cp.permissions('nope')).status).toBe(404)
  })

  it('keeps the seeded update in progress even after the update time of new ones has passed', () => {
    const plane = setup()
    plane.clock.advance(UPDATE_MS * 100)
    expect(plane.cp.get('recsys-ranker').state.config_update).toBe('IN_PROGRESS')
  })
})
