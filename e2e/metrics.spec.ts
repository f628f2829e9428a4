import type { Page } from '@playwright/test'
import { expect, setControls, test } from './fixtures'
import { expectNoSeriousViolations } from './helpers'
import { DetailsPage } from './pages/details-page'

const CHARTS = ['Request rate', 'Latency', 'Errors', 'CPU usage', 'Memory usage', 'Provisioned concurrency']

const chart = (page: Page, title: string) => page.getByRole('figure', { name: new RegExp(`^${title}`) })
const total = (page: Page, term: string) => page.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('+ dd')

/** Counts the metrics-history requests the page sends from now on. */
function countHistoryGets(page: Page): { readonly count: number } {
  let count = 0
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/metrics-history')) count++
  })
  return {
    get count() {
      return count
    },
  }
}

async function expectChartsDrawn(page: Page, titles = CHARTS) {
  for (const title of titles) {
    await expect(chart(page, title).locator('[data-drawn="true"] canvas')).toBeVisible()
  }
}

test('opens the Metrics tab with the keyboard, switches the range, and draws every chart', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('churn-predictor')
  const tab = (name: string) => page.getByRole('tab', { name })
  await tab('Events').focus()
  await expect(tab('Events')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Logs')).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(tab('Metrics')).toBeFocused()
  await expect(tab('Metrics')).toHaveAttribute('aria-selected', 'true')
  await expectChartsDrawn(page)
  await expect(chart(page, 'GPU usage')).toHaveCount(0)
  await expect(chart(page, 'Request rate')).toHaveAccessibleName(/last hour/)

  // Tab: the tab panel, then its first control.
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Time range')).toBeFocused()
  await page.getByLabel('Time range').selectOption({ label: 'Last 7 days' })
  await expect(chart(page, 'Request rate')).toHaveAccessibleName(/last 7 days/)
  await expectChartsDrawn(page)
  expect(Number((await total(page, 'Requests').textContent())?.replace(/,/g, ''))).toBeGreaterThan(10_000)

  // Hovering a chart shows the exact values and time of the point under the pointer.
  const plot = chart(page, 'Latency').locator('.u-over')
  await plot.hover({ position: { x: 200, y: 50 } })
  await expect(chart(page, 'Latency').locator('.u-legend')).toContainText(/p99.*\d+(\.\d)? ms/s)
})

test('shows a GPU chart for a GPU entity', async ({ page }) => {
  await new DetailsPage(page).goto('llama-pt-finance')
  await page.getByRole('tab', { name: 'Metrics' }).click()
  await expectChartsDrawn(page, [...CHARTS, 'GPU usage'])
})

for (const scheme of ['light', 'dark'] as const) {
  test(`has no serious axe violation in ${scheme} mode, as charts and as tables`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.emulateMedia({ colorScheme: scheme })
    await new DetailsPage(page).goto('churn-predictor')
    await page.getByRole('tab', { name: 'Metrics' }).click()
    await expectChartsDrawn(page)
    await page.screenshot({ path: test.info().outputPath(`metrics-${scheme}.png`), fullPage: true })
    await expectNoSeriousViolations(page, `the Metrics tab in ${scheme} mode`)
    await page.getByRole('button', { name: 'Show as table' }).click()
    await expect(chart(page, 'Latency').getByRole('table')).toBeVisible()
    await page.screenshot({ path: test.info().outputPath(`metrics-table-${scheme}.png`) })
    await expectNoSeriousViolations(page, `the Metrics tables in ${scheme} mode`)
  })
}

test('shows the table alternative: each chart’s points with their time and values', async ({ page }) => {
  await new DetailsPage(page).goto('churn-predictor')
  await page.getByRole('tab', { name: 'Metrics' }).click()
  await expectChartsDrawn(page)
  await page.getByRole('button', { name: 'Show as table' }).click()
  for (const title of CHARTS) await expect(chart(page, title).getByRole('table')).toBeVisible()
  const latency = chart(page, 'Latency').getByRole('table')
  await expect(latency.getByRole('columnheader')).toHaveText(['Time', 'p50', 'p90', 'p99'])
  await expect(latency.getByRole('row').nth(1)).toContainText(/\d+(\.\d)? ms/)
  await page.getByRole('button', { name: 'Show as table' }).click()
  await expectChartsDrawn(page)
})

test('counts a query from the Query dialog at the next refresh, and refreshes only while shown', async ({ page }) => {
  await page.clock.install()
  const details = new DetailsPage(page)
  await details.goto('support-chat-gpt4o')
  await setControls(page, { latencyMs: 0, traffic: { 'support-chat-gpt4o': 'off' } })
  await page.getByRole('tab', { name: 'Metrics' }).click()
  await expect(page.getByText('No requests in this period')).toBeVisible()
  await expect(total(page, 'Requests')).toHaveText('0')

  const dialog = await details.openQueryDialog()
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByRole('region', { name: 'Response' })).toContainText('Here is a short answer')
  await page.keyboard.press('Escape')

  await page.clock.runFor(60_000)
  await expect(total(page, 'Requests')).toHaveText('1')
  await expect(page.getByText('No requests in this period')).toHaveCount(0)

  const gets = countHistoryGets(page)
  await page.getByRole('tab', { name: 'Events' }).click()
  await page.clock.runFor(180_000)
  expect(gets.count).toBe(0)
})

test('moves the series as the mock clock moves', async ({ page }) => {
  await page.clock.install()
  await new DetailsPage(page).goto('churn-predictor')
  await page.getByRole('tab', { name: 'Metrics' }).click()
  await expectChartsDrawn(page)
  const before = await total(page, 'Up to').textContent()
  await page.clock.runFor(10 * 60_000)
  await expect(total(page, 'Up to')).not.toHaveText(before ?? '')
  await expectChartsDrawn(page)
})

test('draws the charts under the production Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] }
    w.cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  await new DetailsPage(page).goto('churn-predictor')
  await page.getByRole('tab', { name: 'Metrics' }).click()
  await expectChartsDrawn(page)
  await chart(page, 'Latency')
    .locator('.u-over')
    .hover({ position: { x: 100, y: 40 } })
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
})
