// Shared Playwright fixtures: mock controls set before the app loads, and a quick mock backend.
import { test as base, expect, type Page } from '@playwright/test'
import type { MockControlsInput } from '../src/mocks/control-plane/controls-schema'

export const CONTROLS_KEY = 'serving-console.mock'

/** What the mock takes as controls: the control plane's own schema (src/mocks/control-plane/controls-schema.ts). */
export type MockControls = MockControlsInput

/** Sets the mock controls before any page script runs (every navigation in this page). */
export async function setControlsBeforeLoad(page: Page, controls: MockControls): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (!window.sessionStorage.getItem('e2e-controls-set')) {
        window.localStorage.setItem(key, value)
        window.sessionStorage.setItem('e2e-controls-set', '1')
      }
    },
    [CONTROLS_KEY, JSON.stringify(controls)] as const,
  )
}

/** Changes the mock controls mid-test (the mock reads them at every request). */
export async function setControls(page: Page, controls: MockControls): Promise<void> {
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
    CONTROLS_KEY,
    JSON.stringify(controls),
  ] as const)
}

/**
 * Waits until the in-browser mock answers. `page.goto` returns at the load event, which can come
 * before the mock has started (the app renders only after), so a test's own `fetch` waits for this.
 */
export async function mockReady(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-mock-backend', 'ready')
}

export const test = base.extend<{ fastMock: void }>({
  fastMock: [
    async ({ page }, use) => {
      await setControlsBeforeLoad(page, { latencyMs: 0, deployMs: 4000, updateMs: 4000 })
      await use()
    },
    { auto: true },
  ],
})

export { expect }
