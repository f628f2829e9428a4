// Small helpers shared by the specs: the one axe check, mock controls, the entity dialog, API calls.
// What a spec finds and does on one page lives in that page's object in pages/.
import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page, Request } from '@playwright/test'
import { CONTROLS_KEY, expect, mockReady, type MockControls } from './fixtures'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Serious and critical axe violations on the page (or inside `include`), as "id: targets" lines. Legacy
 * mode runs axe in the page itself: the default also opens a blank page per scan to merge the results
 * of frames, and the console has no frames (about 0.8 s less per scan).
 */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).setLegacyMode().withTags(WCAG_TAGS)
  if (include) builder = builder.include(include)
  const results = await builder.analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Asserts the page (or a part of it) has no serious or critical violation; `what` names the state in the failure. */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string): Promise<void> {
  expect(await seriousViolations(page, include), `axe on ${what}`).toEqual([])
}

/**
 * Mock controls for this test from its first request on, in place of the fixture's fast defaults; a
 * later reload keeps what the mock has made of them since.
 */
export async function setControlsOnFirstLoad(page: Page, controls: MockControls): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      if (window.sessionStorage.getItem('e2e-test-controls')) return
      window.localStorage.setItem(key, value)
      window.sessionStorage.setItem('e2e-test-controls', '1')
    },
    [CONTROLS_KEY, JSON.stringify(controls)] as const,
  )
}

export const entityButton = (page: Page) => page.getByRole('button', { name: /^Entity/ })
export const entityDialog = (page: Page) => page.getByRole('dialog', { name: 'Select served entity' })

export async function openEntityDialog(page: Page, row = 0): Promise<Locator> {
  await entityButton(page).nth(row).click()
  const dialog = entityDialog(page)
  await expect(dialog).toBeVisible()
  return dialog
}

/** Foundation models → one option of "Select a foundation model" (a PT model or a provider). */
export async function chooseFoundation(dialog: Locator, label: string): Promise<void> {
  await dialog.getByRole('radio', { name: 'Foundation models' }).check()
  await dialog.getByRole('combobox', { name: 'Select a foundation model' }).selectOption({ label })
}

/** Unity Catalog model → model and version. */
export async function chooseUcModel(dialog: Locator, model: string, version: string): Promise<void> {
  await dialog.getByRole('combobox', { name: 'Model' }).selectOption(model)
  await dialog.getByRole('combobox', { name: 'Version' }).selectOption({ label: `Version ${version}` })
}

/**
 * The field says it is invalid and its described-by text includes exactly `message` (the error element,
 * beside any hint). `what` names the case in a failure.
 */
export async function expectFieldError(field: Locator, message: string, what: string): Promise<void> {
  await expect(field, `${what}: aria-invalid`).toHaveAttribute('aria-invalid', 'true')
  await expect
    .poll(
      () =>
        field.evaluate((el) =>
          (el.getAttribute('aria-describedby') ?? '')
            .split(/\s+/)
            .filter(Boolean)
            .map((id) => document.getElementById(id)?.textContent ?? ''),
        ),
      { message: `${what}: described-by texts` },
    )
    .toContain(message)
}

/** The field is not marked invalid. */
export async function expectFieldValid(field: Locator, what: string): Promise<void> {
  await expect(field, `${what}: not aria-invalid`).not.toHaveAttribute('aria-invalid', 'true')
}

/** Counts writes (POST/PUT/PATCH/DELETE) to the REST API from this page. */
export function countApiWrites(page: Page): { readonly count: number; readonly urls: string[] } {
  const urls: string[] = []
  const isWrite = (r: Request) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/2.0/serving-endpoints')
  page.on('request', (r) => {
    if (isWrite(r)) urls.push(`${r.method()} ${new URL(r.url()).pathname}`)
  })
  return {
    get count() {
      return urls.length
    },
    urls,
  }
}

/** Creates an endpoint through the REST API from inside the page (the app's own mock answers). */
export async function createViaApi(page: Page, body: unknown): Promise<{ status: number; json: unknown }> {
  await mockReady(page)
  return page.evaluate(async (json) => {
    const response = await fetch('/api/2.0/serving-endpoints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: json,
    })
    return { status: response.status, json: (await response.json()) as unknown }
  }, JSON.stringify(body))
}
