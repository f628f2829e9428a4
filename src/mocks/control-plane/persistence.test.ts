import { describe, expect, it } from 'vitest'
import { manualClock } from './clock'
import { ControlPlane } from './control-plane'
import { STATE_KEY, memoryStorage } from './storage'
import { DEPLOY_MS, createBody, custom, setup } from './test-support'

const names = (cp: ControlPlane) => cp.list().endpoints.map((e) => e.name)

describe('persistence', () => {
  it('a second control plane over the same storage sees the same endpoints, tags and rollouts', () => {
    const plane = setup()
    plane.cp.create(createBody('churn', [custom('3')], { tags: [{ key: 'team', value: 'growth' }] }))
    plane.cp.remove('sentiment-classifier')
    const second = new ControlPlane({ storage: plane.storage, clock: plane.clock, defaults: { deployMs: DEPLOY_MS } })
    expect(names(second)).toEqual(names(plane.cp))
    expect(second.get('churn')).toEqual(plane.cp.get('churn'))
    plane.clock.advance(DEPLOY_MS)
    expect(second.get('churn').state.ready).toBe('READY')
    expect(plane.cp.get('churn').state.ready).toBe('READY')
  })

  it('saves a settled rollout once it is read, so a reader with an older clock keeps it', () => {
    const plane = setup()
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS)
    plane.cp.get('churn')
    const earlier = manualClock(plane.clock.now() - DEPLOY_MS)
    const second = new ControlPlane({ storage: plane.storage, clock: earlier })
    expect(second.get('churn').state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
  })

  it.each([
    ['not JSON', '{"version":1,"endpoints":['],
    ['JSON null', 'null'],
    ['an array', '[]'],
    ['an unknown version', '{"version":2,"endpoints":[]}'],
    ['endpoints that are not a list', '{"version":1,"endpoints":{}}'],
  ])('replaces storage that is %s with the seed', (_, text) => {
    const storage = memoryStorage({ [STATE_KEY]: text })
    const cp = new ControlPlane({ storage, clock: manualClock() })
    expect(names(cp)).toContain('churn-predictor')
    expect(JSON.parse(storage.getItem(STATE_KEY) ?? 'null')).toMatchObject({ version: 1 })
  })

  it('reads a saved state that predates deleted synthetic endpoints', () => {
    const plane = setup({ extraEndpoints: 3 })
    plane.cp.list()
    const saved = JSON.parse(plane.storage.getItem(STATE_KEY) ?? '{}') as Record<string, unknown>
    delete saved.deleted_synthetic
    plane.storage.setItem(STATE_KEY, JSON.stringify(saved))
    expect(names(plane.cp)).toContain('synthetic-endpoint-00003')
    plane.cp.remove('synthetic-endpoint-00001')
    expect(names(plane.cp)).not.toContain('synthetic-endpoint-00001')
  })

  it('reset() drops everything: the next read starts from a fresh seed', () => {
    const plane = setup()
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.cp.remove('churn-predictor')
    plane.cp.reset()
    expect(plane.storage.getItem(STATE_KEY)).toBeNull()
    const after = names(plane.cp)
    expect(after).toContain('churn-predictor')
    expect(after).not.toContain('churn')
  })

  it('seeds relative to the clock at first read, so demo states hold under any start time', () => {
    const storage = memoryStorage()
    const cp = new ControlPlane({ storage, clock: manualClock(Date.UTC(2031, 0, 1)) })
    const fraud = cp.get('fraud-detector-v2')
    expect(fraud.pending_config?.start_time).toBe(Date.UTC(2031, 0, 1) - 4 * 60_000)
  })
})
