import { describe, expect, it } from 'vitest'
import { manualClock } from './clock'
import { ControlPlane } from './control-plane'
import { DAMAGED_STATE_KEY, STATE_KEY, memoryStorage } from './storage'
import { DEPLOY_MS, createBody, custom, errorOf, setup } from './test-support'

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
    ['empty', ''],
    ['not JSON (truncated)', '{"version":1,"endpoints":['],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '[]'],
    ['an unknown version', '{"version":2,"seeded_at":0,"endpoints":[]}'],
    ['endpoints that are not a list', '{"version":1,"seeded_at":0,"endpoints":{}}'],
    ['a null endpoint', '{"version":1,"seeded_at":0,"endpoints":[null]}'],
    [
      'an endpoint whose time is not a number',
      '{"version":1,"seeded_at":0,"endpoints":[{"name":"x","creation_timestamp":"soon","last_updated_timestamp":0,"tags":[],"events":[]}]}',
    ],
  ])('answers 500 over storage that is %s, keeping it and a copy aside', (_, text) => {
    const storage = memoryStorage({ [STATE_KEY]: text })
    const cp = new ControlPlane({ storage, clock: manualClock() })
    for (const call of [() => cp.list(), () => cp.get('churn-predictor'), () => cp.create(createBody('churn', [custom('3')]))]) {
      const error = errorOf(call)
      expect(error.status).toBe(500)
      expect(error.errorCode).toBe('INTERNAL_ERROR')
      expect(error.message).toContain(`localStorage["${STATE_KEY}"] could not be read`)
      expect(error.message).toContain(`A copy is kept in localStorage["${DAMAGED_STATE_KEY}"]`)
    }
    expect(storage.getItem(STATE_KEY)).toBe(text)
    expect(storage.getItem(DAMAGED_STATE_KEY)).toBe(text)
    cp.reset()
    expect(names(cp)).toContain('churn-predictor')
    expect(storage.getItem(DAMAGED_STATE_KEY)).toBe(text)
  })

  it('sees a write from another tab: the state kept in memory follows the stored text', () => {
    const plane = setup()
    const otherTab = new ControlPlane({ storage: plane.storage, clock: plane.clock })
    expect(names(plane.cp)).toContain('churn-predictor')
    otherTab.remove('churn-predictor')
    expect(names(plane.cp)).not.toContain('churn-predictor')
    plane.storage.setItem(STATE_KEY, 'garbage')
    expect(errorOf(() => plane.cp.list()).status).toBe(500)
    plane.storage.removeItem(STATE_KEY)
    expect(names(plane.cp)).toContain('churn-predictor')
  })

  it('drops a write that failed half-way: the next read is what storage holds', () => {
    const plane = setup()
    plane.cp.list()
    const setItem = plane.storage.setItem
    plane.storage.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    expect(() => plane.cp.create(createBody('churn', [custom('3')]))).toThrow('QuotaExceededError')
    plane.storage.setItem = setItem
    expect(names(plane.cp)).not.toContain('churn')
  })

  it('serves the list body from memory only while nothing it shows has changed', () => {
    const plane = setup()
    const same = () => {
      expect(JSON.parse(plane.cp.listJson())).toEqual(plane.cp.list())
      expect(JSON.parse(new TextDecoder().decode(plane.cp.listBytes()))).toEqual(plane.cp.list())
    }
    same()
    plane.cp.create(createBody('churn', [custom('3')]))
    same()
    plane.clock.advance(DEPLOY_MS)
    same()
    plane.cp.controls.write({ extraEndpoints: 3 })
    same()
    plane.cp.remove('synthetic-endpoint-00002')
    same()
    new ControlPlane({ storage: plane.storage, clock: plane.clock }).remove('churn')
    same()
    expect(JSON.parse(plane.cp.listJson()).endpoints.map((e: { name: string }) => e.name)).not.toContain('churn')
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
