import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { CONTROLS_KEY, expect, test, type MockControls } from './fixtures'

const table = (page: Page) => page.getByRole('table', { name: 'Serving endpoints' })
const filterBox = (page: Page) => page.getByRole('textbox', { name: 'Filter endpoints' })

/** Opens the list with these mock controls in place from the first request (a later reload keeps what they became). */
async function openListWith(page: Page, controls: MockControls) {
  await page.addInitScript(
    ([key, value]) => {
      if (window.sessionStorage.getItem('e2e-list-controls')) return
      window.localStorage.setItem(key, value)
      window.sessionStorage.setItem('e2e-list-controls', '1')
    },
    [CONTROLS_KEY, JSON.stringify(controls)] as const,
  )
  await page.goto('/ml/endpoints')
}

test('filters, sorts and opens an endpoint as a person would', async ({ page }) => {
  await page.goto('/ml/endpoints')
  await expect(page.getByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeVisible()
  const rows = table(page).getByRole('row')
  await expect(table(page).getByRole('link', { name: 'churn-predictor' })).toBeVisible()
  // Header, group row, 8 pay-per-token and 8 customer endpoints.
  await expect(rows).toHaveCount(18)
  await expect(rows.nth(1)).toHaveText('Foundation Model APIs')
  await expect(rows.nth(2)).toContainText('Pay-per-token')
  await page.screenshot({ path: '/tmp/list.png' })

  await filterBox(page).fill('ranker')
  await expect(rows).toHaveCount(2)
  await expect(page).toHaveURL(/\?q=ranker$/)
  await expect(page.getByText('1 of 16 endpoints')).toBeVisible()

  await filterBox(page).fill('')
  await page.getByRole('button', { name: 'Last modified' }).click()
  await expect(page.getByRole('columnheader', { name: 'Last modified' })).toHaveAttribute('aria-sort', 'descending')
  await expect(page).toHaveURL(/sort=-last_modified/)
  // Pay-per-token endpoints still lead.
  await expect(rows.nth(1)).toHaveText('Foundation Model APIs')
  await expect(rows.nth(2)).toContainText('Pay-per-token')

  await table(page).getByRole('link', { name: 'sentiment-classifier' }).click()
  await expect(page).toHaveURL(/\/ml\/endpoints\/sentiment-classifier$/)
  await expect(page.getByRole('heading', { level: 1, name: 'sentiment-classifier' })).toBeVisible()
  await page.goBack()
  await expect(page.getByRole('columnheader', { name: 'Last modified' })).toHaveAttribute('aria-sort', 'descending')
})

test('keeps the filter and Owned by me across a reload', async ({ page }) => {
  await page.goto('/ml/endpoints')
  await filterBox(page).fill('team')
  await page.getByRole('checkbox', { name: 'Owned by me' }).check()
  await expect(page).toHaveURL(/\?q=team&owner=me$/)
  await expect(table(page).getByRole('row')).toHaveCount(5)

  await page.reload()
  await expect(filterBox(page)).toHaveValue('team')
  await expect(page.getByRole('checkbox', { name: 'Owned by me' })).toBeChecked()
  await expect(table(page).getByRole('link', { name: 'support-chat-gpt4o' })).toBeVisible()
  await expect(table(page).getByRole('row')).toHaveCount(5)
  await expect(table(page).getByRole('link', { name: 'recsys-ranker' })).toHaveCount(0)
})

test('is usable with the keyboard and has no serious accessibility violations', async ({ page }) => {
  await page.goto('/ml/endpoints')
  await expect(table(page).getByRole('link', { name: 'churn-predictor' })).toBeVisible()
  await filterBox(page).focus()
  await page.keyboard.type('churn')
  await expect(table(page).getByRole('row')).toHaveCount(2)
  await page.keyboard.press('Escape')
  await expect(filterBox(page)).toHaveValue('')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('checkbox', { name: 'Owned by me' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page).toHaveURL(/owner=me/)
  const results = await new AxeBuilder({ page }).include('main').analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
})

test('shows the error with Retry and recovers', async ({ page }) => {
  await openListWith(page, {
    latencyMs: 0,
    faults: [{ method: 'GET', path: '/api/2.0/serving-endpoints', status: 500, times: 3 }],
  })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Could not load serving endpoints')
  await page.screenshot({ path: '/tmp/list-error.png' })
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(table(page).getByRole('link', { name: 'churn-predictor' })).toBeVisible()
})

test('2,000 endpoints: windowed rows, fast filter, scrolls to the end', async ({ page }) => {
  await openListWith(page, { latencyMs: 0, extraEndpoints: 2000 })
  // Time to usable: from navigation start to the first row painted.
  await expect(table(page).getByRole('link', { name: 'databricks-bge-large-en' })).toBeVisible({ timeout: 10_000 })
  const usable = await page.evaluate(() => {
    const list = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) =>
      e.name.endsWith('/api/2.0/serving-endpoints'),
    )
    return { sinceNavigation: performance.now(), listResponseEnd: list.at(-1)?.responseEnd ?? NaN }
  })
  await expect(page.getByText('2,016 endpoints')).toBeVisible()
  await expect(table(page)).toHaveAttribute('aria-rowcount', '2018')
  const rendered = await table(page).getByRole('row').count()
  expect(rendered).toBeLessThan(120)
  await page.screenshot({ path: '/tmp/list-2000.png' })

  // Filter latency: one keystroke until the count text changes, measured inside the page.
  const keystrokes: number[] = []
  for (const [before, key] of [
    ['', 's'],
    ['s', 'y'],
    ['sy', '1'],
  ] as const) {
    await filterBox(page).fill(before)
    await page.waitForTimeout(200)
    const ms = await page.evaluate(
      (k) =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('input[type="text"]')
          const status = [...document.querySelectorAll('p[role="status"]')].find((p) => /endpoints$/.test(p.textContent ?? ''))
          if (!input || !status) throw new Error('missing filter or count')
          const initial = status.textContent
          const start = performance.now()
          new MutationObserver((_, observer) => {
            if (status.textContent !== initial) {
              observer.disconnect()
              requestAnimationFrame(() => resolve(performance.now() - start))
            }
          }).observe(status, { childList: true, characterData: true, subtree: true })
          input.focus()
          input.setRangeText(k, input.value.length, input.value.length, 'end')
          input.dispatchEvent(new InputEvent('input', { bubbles: true, data: k, inputType: 'insertText' }))
        }),
      key,
    )
    keystrokes.push(ms)
  }
  console.log(
    `[measure] 2,016 endpoints: first row usable ${Math.round(usable.sinceNavigation)} ms after navigation ` +
      `(${Math.round(usable.sinceNavigation - usable.listResponseEnd)} ms after the list response); ` +
      `filter keystroke to updated rows: ${keystrokes.map((ms) => ms.toFixed(1)).join(', ')} ms`,
  )

  // Scroll to the end: the last endpoint is reachable and rows stay windowed.
  await filterBox(page).fill('')
  await expect(page.getByText('2,016 endpoints')).toBeVisible()
  await page.getByRole('button', { name: 'Name' }).click()
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
  await page.getByRole('button', { name: 'Name' }).click()
  // The document scrolls, not the table.
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }))
  await expect(table(page).getByRole('link', { name: 'synthetic-endpoint-02000' })).toBeVisible()
  await expect(table(page).getByRole('link', { name: 'databricks-bge-large-en' })).toHaveCount(0)
  expect(await table(page).getByRole('row').count()).toBeLessThan(120)
  await expect(page.getByRole('columnheader', { name: 'Name' })).toBeInViewport()
  await page.screenshot({ path: '/tmp/list-2000-end.png' })
})
