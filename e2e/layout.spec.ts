// Layout that only a real browser can measure: the document scrolls (full-page screenshots), list
// cells keep their badges and tags readable, the details side panel holds its tag editor.
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { DetailsPage } from './pages/details-page'
import { ListPage } from './pages/list-page'

async function box(locator: Locator) {
  const b = await locator.boundingBox()
  if (!b) throw new Error('element has no box')
  return b
}

test('the document scrolls, so a full-page screenshot of a long list is taller than the viewport', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto({ controls: { latencyMs: 0, extraEndpoints: 120 } })
  await expect(list.count).toHaveText('136 endpoints')
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement?.scrollHeight ?? 0,
    innerHeight: window.innerHeight,
  }))
  expect(scrollHeight).toBeGreaterThan(innerHeight * 2)

  const shot = await page.screenshot({ fullPage: true })
  // PNG header: the height is the big-endian word at byte 20.
  expect(shot.readUInt32BE(20)).toBeGreaterThan(innerHeight * 2)

  // Scrolled to the end, the last row is there and the column headers still show below the app header.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(list.link('synthetic-endpoint-00120')).toBeInViewport()
  const header = list.columnHeader('Name')
  await expect(header).toBeInViewport()
  expect((await box(header)).y).toBeGreaterThanOrEqual(48 - 1)
  await expect(page.getByRole('link', { name: 'Serving', exact: true })).toBeInViewport()
})

test('list rows keep two state badges on one line and show a whole tag with +N', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const list = new ListPage(page)
  await list.goto()

  for (const name of ['recsys-ranker', 'fraud-detector-v2']) {
    const row = list.row(name)
    const ready = row.getByText(/^(Ready|Not ready)$/)
    const update = row.getByText('Update in progress')
    const [a, b] = [await box(ready), await box(update)]
    expect(Math.abs(a.y - b.y), `${name}: badges side by side`).toBeLessThan(2)
    expect((await box(row)).height, `${name}: row stays 40 px`).toBeLessThanOrEqual(41)
  }

  const tags = list.row('support-chat-gpt4o').getByRole('list', { name: 'Tags' })
  const first = tags.getByRole('listitem').first()
  await expect(first).toHaveText('team: support')
  expect(await first.evaluate((el) => el.scrollWidth <= el.clientWidth), 'first tag not cut').toBe(true)
  await expect(tags.getByText('+1')).toBeVisible()
})

test('the tag editor fits the details side panel at 1440 px', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await new DetailsPage(page).goto('churn-predictor')
  const aside = page.getByRole('complementary', { name: 'Endpoint information' })
  await aside.getByRole('button', { name: 'Add tag' }).click()
  const form = aside.getByRole('form', { name: 'Add tag' })
  await expect(form).toBeVisible()
  const panel = await box(aside)
  for (const part of [
    form,
    form.getByRole('textbox', { name: 'Key', exact: true }),
    form.getByRole('textbox', { name: /Value/ }),
  ]) {
    const b = await box(part)
    expect(b.x + b.width, 'inside the side panel').toBeLessThanOrEqual(panel.x + panel.width + 0.5)
  }
})

test('link-style buttons do not read as plain text', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('churn-predictor')
  const dialog = await details.openQueryDialog()
  const example = dialog.getByRole('button', { name: 'Show example' })
  const [buttonColor, textColor] = await Promise.all([
    example.evaluate((el) => getComputedStyle(el).color),
    dialog.getByText('Request body').evaluate((el) => getComputedStyle(el).color),
  ])
  expect(buttonColor).not.toBe(textColor)
})
