export interface Clock {
  now(): number
}

/** Reads Date.now() at every call, so Playwright's page.clock and vi.useFakeTimers move it. */
export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let current = start
  return {
    now: () => current,
    advance(ms: number) {
      current += ms
    },
    set(ms: number) {
      current = ms
    },
  }
}
