import { describe, expect, it } from 'vitest'
import { DEPLOY_MS, createBody, custom, setup } from './test-support'

/** Every ISO timestamp that starts a log line, in milliseconds. */
function lineTimes(logs: string): number[] {
  return logs
    .trim()
    .split('\n')
    .map((line) => Date.parse(line.split(' ')[0] ?? ''))
}

describe('log times', () => {
  it('stops the server log of a just-ready entity at the current time', () => {
    const plane = setup()
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS + 2_000)
    const now = plane.clock.now()
    const logs = plane.cp.logs('churn', 'churn_model-3', 'server').logs
    expect(logs).toContain('Model loaded; listening on :8080')
    expect(Math.max(...lineTimes(logs))).toBeLessThanOrEqual(now)
  })

  it('keeps the build log of a quick rollout in the past and shows a running build only so far', () => {
    const plane = setup()
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS)
    const ready = plane.cp.logs('churn', 'churn_model-3', 'build').logs
    expect(ready).toContain('Image built')
    expect(Math.max(...lineTimes(ready))).toBeLessThanOrEqual(plane.clock.now())

    const slow = setup({ deployMs: 10 * 60_000 })
    slow.cp.create(createBody('slow', [custom('3')]))
    slow.clock.advance(5_000)
    const running = slow.cp.logs('slow', 'churn_model-3', 'build').logs
    expect(running).toContain('Downloading model artifacts')
    expect(running).not.toContain('Building container image')
    expect(Math.max(...lineTimes(running))).toBeLessThanOrEqual(slow.clock.now())
  })
})
