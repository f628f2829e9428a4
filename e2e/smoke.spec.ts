import { expect, test } from './fixtures'

test('loads the endpoint list from the in-browser mock backend', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/ml\/endpoints$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'databricks-claude-sonnet-4-5' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'recsys-ranker' })).toBeVisible()
  // The data came from the service worker: the server itself only serves the SPA.
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')
  expect(controlled).toContain('mockServiceWorker.js')
})
