// Layout that only a real browser can measure: the document scrolls (full-page screenshots), list
// cells keep their badges and tags readable, the details side panel holds its tag editor.
import type { Locator, Page } from '@playwright/test'
import { CONTROLS_KEY, expect, test } from './fixtures'

const table = (page: Page) => page.getByRole('table', { name: 'Serving endpoints' })
const rowOf = (page: Page, name: string) => table(page).getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (!b) throw new Error('element has no box')
  return b
}

test('the document scrolls, so a full-page screenshot of a long list is taller than the viewport', async ({ page }) => {
  // After the fixture's own controls, and only on the first load.
  await page.addInitScript(
    ([key, value]) => {
      if (window.sessionStorage.getItem('e2e-layout-controls')) return
      window.localStorage.setItem(key, value)
      window.sessionStorage.setItem('e2e-layout-controls', '1')
    },
    [CONTROLS_KEY, JSON.stringify({ latencyMs: 0, extraEndpoints: 120 })] as const,
  )
  await page.goto('/ml/endpoints')
  await expect(page.getByText('136 endpoints')).toBeVisible()
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
    innerHeight: window.innerHeight,
  }))
  expect(scrollHeight).toBeGreaterThan(innerHeight * 2)

  const shot = await page.screenshot({ path: '/tmp/layout-list-fullpage.png', fullPage: true })
  // PNG header: the height is the big-endian word at byte 20.
  expect(shot.readUInt32BE(20)).toBeGreaterThan(innerHeight * 2)

  // Scrolled to the end, the last row is there and the column headers still show below the app header.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(table(page).getByRole('link', { name: 'synthetic-endpoint-00120' })).toBeInViewport()
  const header = page.getByRole('columnheader', { name: 'Name' })
  await expect(header).toBeInViewport()
  expect((await box(header)).y).toBeGreaterThanOrEqual(48 - 1)
  await expect(page.getByRole('link', { name: 'Serving', exact: true })).toBeInViewport()
})

test('list rows keep two state badges on one line and show a whole tag with +N', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto('/ml/endpoints')
  await expect(table(page).getByRole('link', { name: 'churn-predictor' })).toBeVisible()

  for (const name of ['recsys-ranker', 'fraud-detector-v2']) {
    const row = rowOf(page, name)
    const ready = row.getByText(/^(Ready|Not ready)$/)
    const update = row.getByText('Update in progress')
    const [a, b] = [await box(ready), await box(update)]
    expect(Math.abs(a.y - b.y), `${name}: badges side by side`).toBeLessThan(2)
    expect((await box(row)).height, `${name}: row stays 40 px`).toBeLessThanOrEqual(41)
  }

  const tags = rowOf(page, 'support-chat-gpt4o').getByRole('list', { name: 'Tags' })
  const first = tags.getByRole('listitem').first()
  await expect(first).toHaveText('team: support')
  expect(await first.evaluate((el) => el.scrollWidth <= el.clientWidth), 'first tag not cut').toBe(true)
  await expect(tags.getByText('+1')).toBeVisible()
  await page.screenshot({ path: '/tmp/layout-list.png' })
})

test('the tag editor fits the details side panel at 1440 px', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto('/ml/endpoints/churn-predictor')
  const aside = page.getByRole('complementary', { name: 'Endpoint information' })
  await aside.getByRole('button', { name: 'Add tag' }).click()
  const form = aside.getByRole('form', { name: 'Add tag' })
  await expect(form).toBeVisible()
  const panel = await box(aside)
  for (const part of [form, form.getByRole('textbox', { name: 'Key' }), form.getByRole('textbox', { name: /Value/ })]) {
    const b = await box(part)
    expect(b.x + b.width, 'inside the side panel').toBeLessThanOrEqual(panel.x + panel.width + 0.5)
  }
  await aside.screenshot({ path: '/tmp/layout-tag-editor.png' })
})

test('link-style buttons do not read as plain text', async ({ page }) => {
  await page.goto('/ml/endpoints/churn-predictor')
  await page.getByRole('button', { name: 'Query endpoint' }).click()
  const dialog = page.getByRole('dialog', { name: 'Query endpoint' })
  const example = dialog.getByRole('button', { name: 'Show example' })
  const [buttonColor, textColor] = await Promise.all([
    example.evaluate((el) => getComputedStyle(el).color),
    dialog.getByText('Request body').evaluate((el) => getComputedStyle(el).color),
  ])
  expect(buttonColor).not.toBe(textColor)
  await dialog.screenshot({ path: '/tmp/layout-query-dialog.png' })
})
