// The bench's in-page timers: a page script sets `window[name] = { start, done }` (the triggering
// event's time, then performance.now() once the result is on screen); this waits for it.
import type { Page } from '@playwright/test'

/** Waits until the probe `name` is done and answers its done − start in ms. */
export async function probeElapsed(page: Page, name: string, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    (key) => {
      const probe = (window as unknown as Record<string, { start: number; done: number }>)[key]
      return probe.done > 0 ? probe.done - probe.start : false
    },
    name,
    { timeout },
  )
  return (await handle.jsonValue()) as number
}
