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

/** Where the mock clock's offset is kept, beside the state and the controls. */
export const CLOCK_KEY = 'serving-console.clock-offset'

/** The furthest the mock clock may be moved from its base clock either way: 100 years. */
export const MAX_OFFSET_MS = 100 * 365 * 24 * 3_600_000

/**
 * The control plane's clock: its base clock (Date.now(), which page.clock moves) plus an offset that
 * POST /__mock/clock moves, for clients without a page. The offset is read from storage at every
 * call, as the controls are, so a reset of the storage resets it too.
 */
export class MockClock implements Clock {
  readonly base: Clock
  private readonly storage: {
    getItem(key: string): string | null
    setItem(key: string, value: string): void
    removeItem(key: string): void
  }

  constructor(base: Clock, storage: MockClock['storage']) {
    this.base = base
    this.storage = storage
  }

  /** The offset in force; a stored value that is not a whole number within the bound counts as 0. */
  get offsetMs(): number {
    const value = Number(this.storage.getItem(CLOCK_KEY) ?? 0)
    return Number.isSafeInteger(value) && Math.abs(value) <= MAX_OFFSET_MS ? value : 0
  }

  now(): number {
    return this.base.now() + this.offsetMs
  }

  setOffset(ms: number): void {
    if (ms === 0) this.storage.removeItem(CLOCK_KEY)
    else this.storage.setItem(CLOCK_KEY, String(ms))
  }
}
