// msw/node for tests: the same handlers over an in-memory control plane with a movable clock.
import { setupServer } from 'msw/node'
import { ControlPlane, memoryStorage, type MockControls } from './control-plane'
import { CONTROLS_KEY } from './control-plane/storage'
import { createHandlers } from './handlers'
import { journalOf, sessionsOf } from './mock-routes'

/** Date.now() plus an offset: follows vi.useFakeTimers and can also be moved by hand. */
export const clock = {
  offset: 0,
  now: () => Date.now() + clock.offset,
  advance(ms: number) {
    clock.offset += ms
  },
}

export const storage = memoryStorage()
export const controlPlane = new ControlPlane({ storage, clock, defaults: { latencyMs: 0 } })

export const server = Object.assign(setupServer(...createHandlers(controlPlane)), {
  /** A fresh seed, default controls, an unshifted clock, an empty request journal and no sessions. */
  resetControlPlane() {
    storage.clear()
    clock.offset = 0
    journalOf(controlPlane).clear()
    sessionsOf(controlPlane)?.clear()
  },
  setControls(controls: Partial<MockControls>) {
    storage.setItem(CONTROLS_KEY, JSON.stringify(controls))
  },
})
