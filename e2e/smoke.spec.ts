import { expect, test } from './fixtures'
import { ListPage } from './pages/list-page'

test('loads the endpoint list from the in-browser mock backend', async ({ page }) => {
  const list = new ListPage(page)
  await page.goto('/')
  await expect(page).toHaveURL(/\/ml\/endpoints$/)
  await expect(list.heading).toBeVisible()
  await expect(list.link('databricks-claude-sonnet-4-5')).toBeVisible()
  await expect(list.link('recsys-ranker')).toBeVisible()
  // The data came from the service worker: the server itself only serves the SPA.
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')
  expect(controlled).toContain('mockServiceWorker.js')
})

test('marks the page once the mock answers, so a test’s own fetch from the page reaches it', async ({ page }) => {
  await page.goto('/ml/endpoints')
  await expect(page.locator('html')).toHaveAttribute('data-mock-backend', 'ready')
  const body = await page.evaluate(async () => (await fetch('/api/2.0/serving-endpoints/churn-predictor')).text())
  // The mock's JSON, not the preview server's index.html.
  expect((JSON.parse(body) as { name: string }).name).toBe('churn-predictor')
})

test.describe('when the mock backend cannot start', () => {
  test.use({ serviceWorkers: 'block' })

  test('the list still renders, explains the failure and offers Retry', async ({ page }) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await new ListPage(page).goto({ loaded: false })
    await expect(page.getByRole('alert')).toContainText('the serving API is not reachable at this address')
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible()
    expect(errors.join('\n')).toContain('The embedded mock backend did not start')
  })
})

test('a hard reload (the page not controlled by the registered worker) comes back with the list', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto()
  const cdp = await page.context().newCDPSession(page)
  // Shift+Reload: the page loads without its service worker; msw reloads it once to get it back. The
  // list of the page before the reload must not count: wait for the reloaded page first.
  const reloaded = page.waitForEvent('load')
  await cdp.send('Page.reload', { ignoreCache: true })
  await reloaded
  await expect(list.link('recsys-ranker')).toBeVisible()
  const controller = () => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '').catch(() => 'navigating')
  await expect.poll(controller).toContain('mockServiceWorker.js')
})
