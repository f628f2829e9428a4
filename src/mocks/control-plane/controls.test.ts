import { describe, expect, it } from 'vitest'
import { ControlPlane } from './control-plane'
import { DEFAULT_CONTROLS, matches } from './controls'
import { CONTROLS_KEY, memoryStorage } from './storage'
import { DEPLOY_MS, createBody, custom, errorOf, setup } from './test-support'

const withRaw = (text: string) => {
  const warnings: string[] = []
  const storage = memoryStorage({ [CONTROLS_KEY]: text })
  const cp = new ControlPlane({ storage, warn: (m) => warnings.push(m) })
  return { cp, warnings, storage }
}

describe('mock controls', () => {
  it('defaults to 150 ms latency, 8 s deploys and updates, no failure, no extra endpoints, no faults', () => {
    expect(DEFAULT_CONTROLS).toEqual({ latencyMs: 150, deployMs: 8000, updateMs: 8000, failNextDeploy: false, extraEndpoints: 0, faults: [] })
    expect(new ControlPlane({ storage: memoryStorage() }).controls.read()).toEqual(DEFAULT_CONTROLS)
  })

  it('ignores malformed JSON with exactly one warning, however often it is read', () => {
    const { cp, warnings } = withRaw('{latencyMs: 0')
    for (let i = 0; i < 5; i++) expect(cp.controls.read()).toEqual(DEFAULT_CONTROLS)
    cp.list()
    expect(warnings).toEqual(['Ignoring malformed mock controls in localStorage["serving-console.mock"]: expected a JSON object.'])
  })

  it('treats JSON that is not an object as malformed', () => {
    const { cp, warnings } = withRaw('[1, 2]')
    expect(cp.controls.read()).toEqual(DEFAULT_CONTROLS)
    expect(warnings).toHaveLength(1)
  })

  it('ignores unknown keys and values of the wrong type, keeping the valid ones', () => {
    const { cp, warnings } = withRaw(JSON.stringify({ latencyMs: 0, deployMs: -5, updateMs: '9', failNextDeploy: 'yes', speed: 'fast', faults: 'none' }))
    expect(cp.controls.read()).toEqual({ ...DEFAULT_CONTROLS, latencyMs: 0 })
    expect(warnings).toEqual([])
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
