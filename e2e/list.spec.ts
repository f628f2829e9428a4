import { expect, test } from './fixtures'
import { ListPage } from './pages/list-page'

test('filters, sorts and opens an endpoint as a person would', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto()
  // Header, group row, 8 pay-per-token and 8 customer endpoints.
  await expect(list.rows).toHaveCount(18)
  await expect(list.rows.nth(1)).toHaveText('Foundation Model APIs')
  await expect(list.rows.nth(2)).toContainText('Pay-per-token')

  await list.filter('ranker')
  await expect(list.rows).toHaveCount(2)
  await expect(page).toHaveURL(/\?q=ranker$/)
  await expect(list.count).toHaveText('1 of 16 endpoints')

  await list.filter('')
  await list.sortBy('Last modified')
  await expect(list.columnHeader('Last modified')).toHaveAttribute('aria-sort', 'descending')
  await expect(page).toHaveURL(/sort=-last_modified/)
  // Pay-per-token endpoints still lead.
  await expect(list.rows.nth(1)).toHaveText('Foundation Model APIs')
  await expect(list.rows.nth(2)).toContainText('Pay-per-token')

  await list.link('sentiment-classifier').click()
  await expect(page).toHaveURL(/\/ml\/endpoints\/sentiment-classifier$/)
  await expect(page.getByRole('heading', { level: 1, name: 'sentiment-classifier' })).toBeVisible()
  await page.goBack()
  await expect(list.columnHeader('Last modified')).toHaveAttribute('aria-sort', 'descending')
})

test('opens an endpoint clicked straight after typing, and Back and Forward restore each view', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto()
  // Type and click at once: no pause for the URL to follow the filter first.
  await list.filterBox.pressSequentially('churn')
  await list.link('churn-predictor').click()
  await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
  await expect(page).toHaveURL(/\/ml\/endpoints\/churn-predictor$/)

  await page.goBack()
  await expect(list.filterBox).toHaveValue('churn')
  await expect(page).toHaveURL(/\?q=churn$/)
  await expect(list.rows).toHaveCount(2)

  // A sort click just after typing keeps the typed text.
  await list.filter('churn-pre')
  await list.sortBy('Name')
  await expect(page).toHaveURL(/\?q=churn-pre&sort=-name$/)
  await expect(list.filterBox).toHaveValue('churn-pre')

  await page.getByRole('link', { name: 'Serving', exact: true }).click()
  await expect(list.filterBox).toHaveValue('')
  await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending')
  await page.goBack()
  await expect(list.filterBox).toHaveValue('churn-pre')
  await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending')
  await page.goForward()
  await expect(list.filterBox).toHaveValue('')
  await expect(list.rows).toHaveCount(18)
})

test('keeps the filter and Owned by me across a reload', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto()
  await list.filter('team')
  await list.ownedByMe.check()
  await expect(page).toHaveURL(/\?q=team&owner=me$/)
  await expect(list.rows).toHaveCount(5)

  await page.reload()
  await expect(list.filterBox).toHaveValue('team')
  await expect(list.ownedByMe).toBeChecked()
  await expect(list.link('support-chat-gpt4o')).toBeVisible()
  await expect(list.rows).toHaveCount(5)
  await expect(list.link('recsys-ranker')).toHaveCount(0)
})

test('is usable with the keyboard', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto()
  await list.filterBox.focus()
  await page.keyboard.type('churn')
  await expect(list.rows).toHaveCount(2)
  await page.keyboard.press('Escape')
  await expect(list.filterBox).toHaveValue('')
  await page.keyboard.press('Tab')
  await expect(list.ownedByMe).toBeFocused()
  await page.keyboard.press('Space')
  await expect(list.ownedByMe).toBeChecked()
  await expect(page).toHaveURL(/owner=me/)
})

test('shows the error with Retry and recovers', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto({
    controls: { latencyMs: 0, faults: [{ method: 'GET', path: '/api/2.0/serving-endpoints', status: 500, times: 3 }] },
    loaded: false,
  })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Could not load serving endpoints')
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(list.link('churn-predictor')).toBeVisible()
})

// How fast it loads and filters is the bench's to measure (scripts/bench.ts); here, that it works.
test('2,000 endpoints: windowed rows, filter, scrolls to the end', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto({ controls: { latencyMs: 0, extraEndpoints: 2000 } })
  await expect(list.link('databricks-bge-large-en')).toBeVisible()
  await expect(list.count).toHaveText('2,016 endpoints')
  await expect(list.table).toHaveAttribute('aria-rowcount', '2018')
  expect(await list.rows.count()).toBeLessThan(120)

  await list.filter('synthetic-endpoint-0199')
  await expect(list.count).toHaveText('10 of 2,016 endpoints')
  await expect(list.link('synthetic-endpoint-01999')).toBeVisible()

  // Scroll to the end: the last endpoint is reachable and rows stay windowed.
  await list.filter('')
  await expect(list.count).toHaveText('2,016 endpoints')
  await list.sortBy('Name')
  await expect(list.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending')
  await list.sortBy('Name')
  // The document scrolls, not the table.
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight }))
  await expect(list.link('synthetic-endpoint-02000')).toBeVisible()
  await expect(list.link('databricks-bge-large-en')).toHaveCount(0)
  expect(await list.rows.count()).toBeLessThan(120)
  await expect(list.columnHeader('Name')).toBeInViewport()
})
