import { describe, expect, it } from 'vitest'
import { ControlPlane } from './control-plane'
import { DEFAULT_CONTROLS, matches, parseControls } from './controls'
import { CONTROLS_KEY, memoryStorage } from './storage'
import { DEPLOY_MS, createBody, custom, errorOf, setup } from './test-support'

const withRaw = (text: string) => {
  const warnings: string[] = []
  const storage = memoryStorage({ [CONTROLS_KEY]: text })
  const cp = new ControlPlane({ storage, warn: (m) => warnings.push(m) })
  return { cp, warnings, storage }
}

describe('mock controls', () => {
  it('defaults to 150 ms latency, 8 s deploys and updates, no failure, no extra endpoints, no faults, seeded traffic, the current user', () => {
    expect(DEFAULT_CONTROLS).toEqual({
      latencyMs: 150,
      deployMs: 8000,
      updateMs: 8000,
      failNextDeploy: false,
      extraEndpoints: 0,
      faults: [],
      traffic: {},
      caller: { user_name: 'ada.lovelace@example.com' },
    })
    expect(new ControlPlane({ storage: memoryStorage() }).controls.read()).toEqual(DEFAULT_CONTROLS)
  })

  it('ignores malformed JSON with exactly one warning, however often it is read', () => {
    const { cp, warnings } = withRaw('{latencyMs: 0')
    for (let i = 0; i < 5; i++) expect(cp.controls.read()).toEqual(DEFAULT_CONTROLS)
    cp.list()
    expect(warnings).toEqual([
      'Ignoring malformed mock controls in localStorage["serving-console.mock"]: expected a JSON object.',
    ])
  })

  it('treats JSON that is not an object as malformed', () => {
    const { cp, warnings } = withRaw('[1, 2]')
    expect(cp.controls.read()).toEqual(DEFAULT_CONTROLS)
    expect(warnings).toHaveLength(1)
  })

  it('ignores unknown keys and values of the wrong type, keeping the valid ones, with one warning naming each', () => {
    const { cp, warnings } = withRaw(
      JSON.stringify({ latencyMs: 0, deployMs: -5, updateMs: '9', failNextDeploy: 'yes', speed: 'fast', faults: 'none' }),
    )
    for (let i = 0; i < 3; i++) expect(cp.controls.read()).toEqual({ ...DEFAULT_CONTROLS, latencyMs: 0 })
    cp.list()
    expect(warnings).toHaveLength(1)
    for (const named of [
      'deployMs must be',
      'updateMs must be',
      'failNextDeploy must be',
      'speed is not a mock control',
      'faults must be',
    ]) {
      expect(warnings[0]).toContain(named)
    }
  })

  it('warns again only when the stored controls change', () => {
    const { cp, warnings, storage } = withRaw(JSON.stringify({ latencyMs: 1e9 }))
    cp.controls.read()
    cp.controls.read()
    storage.setItem(CONTROLS_KEY, JSON.stringify({ latencyMs: 5 }))
    expect(cp.controls.read().latencyMs).toBe(5)
    storage.setItem(CONTROLS_KEY, JSON.stringify({ extraEndpoints: 1.5 }))
    cp.controls.read()
    expect(warnings).toEqual([
      expect.stringContaining('latencyMs must be a number of milliseconds from 0 to 60000.'),
      expect.stringContaining('extraEndpoints must be a whole number from 0 to 20000.'),
    ])
  })

  it('uses deployMs and updateMs for new rollouts', () => {
    const plane = setup({ deployMs: 50_000 })
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS)
    expect(plane.cp.get('churn').state.config_update).toBe('IN_PROGRESS')
    plane.clock.advance(50_000 - DEPLOY_MS)
    expect(plane.cp.get('churn').state.ready).toBe('READY')
  })

  it('consumes failNextDeploy once: the deploy after the failed one succeeds', () => {
    const plane = setup({ failNextDeploy: true })
    plane.cp.create(createBody('one', [custom('3')]))
    expect(plane.cp.controls.read().failNextDeploy).toBe(false)
    plane.cp.create(createBody('two', [custom('3')]))
    plane.clock.advance(DEPLOY_MS)
    expect(plane.cp.get('one').state.config_update).toBe('UPDATE_FAILED')
    expect(plane.cp.get('two').state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
  })

  it('leaves failNextDeploy set when a create is refused', () => {
    const plane = setup({ failNextDeploy: true })
    errorOf(() => plane.cp.create(createBody('', [custom('3')])))
    expect(plane.cp.controls.read().failNextDeploy).toBe(true)
  })
})

describe('faults', () => {
  it('match by method and exact path, or by a path ending in *', () => {
    expect(matches({ method: 'POST', path: '/api/2.0/serving-endpoints' }, 'post', '/api/2.0/serving-endpoints')).toBe(true)
    expect(matches({ method: 'POST', path: '/api/2.0/serving-endpoints' }, 'GET', '/api/2.0/serving-endpoints')).toBe(false)
    expect(matches({ path: '/api/2.0/serving-endpoints' }, 'GET', '/api/2.0/serving-endpoints/x')).toBe(false)
    expect(matches({ path: '/api/2.0/serving-endpoints/*' }, 'DELETE', '/api/2.0/serving-endpoints/x')).toBe(true)
    expect(matches({ method: '*', path: '*' }, 'PATCH', '/anything')).toBe(true)
  })

  it('count `times` down and disappear at zero; a fault without times fires once', () => {
    const { cp } = setup({
      faults: [
        { method: 'get', path: '/api/2.0/serving-endpoints', status: 503, times: 2 },
        { path: '/api/2.0/serving-endpoints/*', network: true },
      ],
    })
    const take = (method: string, path: string) => cp.takeFault(method, path)
    expect(take('GET', '/api/2.0/serving-endpoints')).toMatchObject({ status: 503, method: 'GET' })
    expect(cp.controls.read().faults[0].times).toBe(1)
    expect(take('GET', '/api/2.0/serving-endpoints')).toMatchObject({ status: 503 })
    expect(take('GET', '/api/2.0/serving-endpoints')).toBeUndefined()
    expect(take('POST', '/api/2.0/serving-endpoints/a/config/cancel')).toMatchObject({ network: true })
    expect(take('POST', '/api/2.0/serving-endpoints/a/config/cancel')).toBeUndefined()
    expect(cp.controls.read().faults).toEqual([])
  })

  it('skip entries with neither a status nor network, and keep the other controls when counting down', () => {
    const { cp } = setup({ latencyMs: 7, faults: [{ path: '/x' }, { path: '/x', status: 429, times: 3 }] })
    expect(cp.controls.read().faults).toEqual([{ path: '/x', status: 429, times: 3 }])
    expect(cp.takeFault('GET', '/x')).toMatchObject({ status: 429 })
    expect(cp.controls.read()).toMatchObject({ latencyMs: 7, faults: [{ path: '/x', status: 429, times: 2 }] })
  })
})

describe('extra endpoints', () => {
  it('lists 2000 more endpoints, each one GET-able', () => {
    const { cp } = setup({ extraEndpoints: 2000 })
    const plain = setup().cp.list().endpoints.length
    const { endpoints } = cp.list()
    expect(endpoints).toHaveLength(plain + 2000)
    const names = endpoints.map((e) => e.name)
    expect(new Set(names).size).toBe(names.length)
    for (const name of ['synthetic-endpoint-00001', 'synthetic-endpoint-01000', 'synthetic-endpoint-02000']) {
      expect(cp.get(name)).toMatchObject({ name, state: { ready: 'READY', config_update: 'NOT_UPDATING' } })
    }
  })

  it('answers 404 for names outside the range', () => {
    const { cp } = setup({ extraEndpoints: 2000 })
    for (const name of ['synthetic-endpoint-02001', 'synthetic-endpoint-00000']) {
      expect(errorOf(() => cp.get(name)).status).toBe(404)
    }
    expect(cp.create(createBody('synthetic-endpoint-00000')).name).toBe('synthetic-endpoint-00000')
  })

  it('hides a deleted one from the list and from GET, for good', () => {
    const { cp } = setup({ extraEndpoints: 2000 })
    cp.remove('synthetic-endpoint-00042')
    expect(cp.list().endpoints.some((e) => e.name === 'synthetic-endpoint-00042')).toBe(false)
    expect(errorOf(() => cp.get('synthetic-endpoint-00042')).status).toBe(404)
    expect(cp.list().endpoints.filter((e) => e.name.startsWith('synthetic-')).length).toBe(1999)
  })

  it('keeps a changed one once, with its change', () => {
    const { cp } = setup({ extraEndpoints: 10 })
    cp.patchTags('synthetic-endpoint-00003', { add_tags: [{ key: 'pinned', value: 'yes' }] })
    const matching = cp.list().endpoints.filter((e) => e.name === 'synthetic-endpoint-00003')
    expect(matching).toHaveLength(1)
    expect(matching[0].tags).toContainEqual({ key: 'pinned', value: 'yes' })
  })

  it('refuses to create an endpoint under a synthetic name that exists', () => {
    const { cp } = setup({ extraEndpoints: 5 })
    expect(errorOf(() => cp.create(createBody('synthetic-endpoint-00005'))).errorCode).toBe('RESOURCE_ALREADY_EXISTS')
  })
})

describe('bounds', () => {
  it.each([
    ['latencyMs', 60_001],
    ['latencyMs', 1e9],
    ['deployMs', 86_400_001],
    ['updateMs', 1e12],
    ['extraEndpoints', 20_001],
    ['extraEndpoints', 2.5],
  ])('ignores a stored %s of %d and uses the default', (key, value) => {
    const { cp } = withRaw(JSON.stringify({ [key]: value }))
    expect(cp.controls.read()).toEqual(DEFAULT_CONTROLS)
  })

  it('keeps values at the bounds', () => {
    const bounds = { latencyMs: 60_000, deployMs: 86_400_000, updateMs: 86_400_000, extraEndpoints: 20_000 }
    expect(withRaw(JSON.stringify(bounds)).cp.controls.read()).toMatchObject(bounds)
  })

  it('ignores stored faults whose status is outside 400–599, and never hands them out', () => {
    const { cp } = withRaw(
      JSON.stringify({
        faults: [
          { path: '*', status: 99 },
          { path: '*', status: 600 },
          { path: '*', status: 404.5 },
          { path: '*', status: 503 },
        ],
      }),
    )
    expect(cp.controls.read().faults).toEqual([{ path: '*', status: 503 }])
    expect(cp.takeFault('GET', '/x')).toMatchObject({ status: 503 })
    expect(cp.takeFault('GET', '/x')).toBeUndefined()
  })
})

describe('parseControls (PUT /__mock/controls)', () => {
  it('accepts every control within its bounds', () => {
    const body = {
      latencyMs: 0,
      deployMs: 1000,
      updateMs: 600_000,
      failNextDeploy: true,
      extraEndpoints: 2000,
      faults: [
        { method: 'get', path: '/api/*', status: 503, times: 2 },
        { path: '*', network: true },
      ],
      traffic: { 'churn-predictor': 'off', fresh: 120 },
    }
    expect(parseControls(body)).toEqual({
      ...body,
      faults: [
        { method: 'GET', path: '/api/*', status: 503, times: 2 },
        { path: '*', network: true },
      ],
    })
    expect(parseControls({})).toEqual({})
  })

  it.each<[string, unknown, string]>([
    ['a body that is not an object', [], 'body'],
    ['a latency over 60 s', { latencyMs: 1e9 }, 'latencyMs'],
    ['a negative deploy time', { deployMs: -1 }, 'deployMs'],
    ['an update time over a day', { updateMs: 86_400_001 }, 'updateMs'],
    ['a latency given as text', { latencyMs: '5' }, 'latencyMs'],
    ['too many extra endpoints', { extraEndpoints: 20_001 }, 'extraEndpoints'],
    ['a fractional endpoint count', { extraEndpoints: 1.5 }, 'extraEndpoints'],
    ['failNextDeploy as text', { failNextDeploy: 'yes' }, 'failNextDeploy'],
    ['faults that are not a list', { faults: {} }, 'faults'],
    ['more than 100 faults', { faults: Array(101).fill({ path: '*', status: 500 }) }, 'faults'],
    ['a fault status of 99', { faults: [{ path: '*', status: 99 }] }, 'faults[0].status'],
    [
      'a fault status of 600',
      {
        faults: [
          { path: '*', status: 503 },
          { path: '*', status: 600 },
        ],
      },
      'faults[1].status',
    ],
    ['a fault without a path', { faults: [{ status: 500 }] }, 'faults[0].path'],
    ['a fault with neither status nor network', { faults: [{ path: '*' }] }, 'faults[0]'],
    ['a negative times', { faults: [{ path: '*', status: 500, times: -1 }] }, 'faults[0].times'],
    ['an unknown control', { latency: 0 }, 'latency'],
    ['traffic that is not an object', { traffic: 'off' }, 'traffic'],
    ['a traffic rate over 10,000 per minute', { traffic: { a: 10_001 } }, 'traffic.a'],
    ['a traffic rate given as text', { traffic: { a: 'on' } }, 'traffic.a'],
    [
      'traffic for more than 1,000 endpoints',
      { traffic: Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`e${i}`, 1])) },
      'traffic',
    ],
  ])('refuses %s, naming the field', (_, body, field) => {
    const error = errorOf(() => parseControls(body))
    expect(error.status).toBe(400)
    expect(error.field).toBe(field)
    expect(error.message).toContain(field)
  })
})
