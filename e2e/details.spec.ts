import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, mockReady, setControls, test } from './fixtures'

const detailPath = (name: string) => `/api/2.0/serving-endpoints/${name}`

/** Starts a config update through the REST API, as a script or another person would. */
async function startUpdate(page: Page, name: string, body: unknown) {
  await mockReady(page)
  const status = await page.evaluate(
    async ([path, json]) => (await fetch(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json })).status,
    [`${detailPath(name)}/config`, JSON.stringify(body)] as const,
  )
  expect(status).toBe(200)
}

const churnUpdate = {
  served_entities: [
    { name: 'churn_model-4', entity_name: 'main.default.churn_model', entity_version: '4', workload_size: 'Large', scale_to_zero_enabled: false },
  ],
}

/** Counts the GETs of an endpoint's detail route the page sends. */
function countDetailGets(page: Page, name: string) {
  const counter = { count: 0, inFlight: 0 }
  const isDetailGet = (request: { method(): string; url(): string }) =>
    request.method() === 'GET' && new URL(request.url()).pathname === detailPath(name)
  page.on('request', (request) => {
    if (!isDetailGet(request)) return
    counter.count++
    counter.inFlight++
  })
  const done = (request: { method(): string; url(): string }) => {
    if (isDetailGet(request)) counter.inFlight--
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return counter
}

const stateOf = (page: Page) => page.getByRole('group', { name: 'Serving endpoint state' })

test('Cancel update on the seeded in-progress endpoint keeps the active config', async ({ page }) => {
  await page.goto('/ml/endpoints/recsys-ranker')
  await expect(page.getByRole('heading', { level: 1, name: 'recsys-ranker' })).toBeVisible()
  await expect(stateOf(page)).toContainText('Update in progress')
  await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit endpoint' })).toBeDisabled()
  await expect(page.getByText('Cannot edit endpoint when pending update is in progress.')).toBeVisible()
  await page.screenshot({ path: '/tmp/details-in-progress.png', fullPage: true })

  await page.getByRole('button', { name: 'Cancel update' }).click()

  await expect(stateOf(page)).toContainText('Update canceled')
  await expect(stateOf(page)).toContainText('Ready')
  await expect(page.getByRole('button', { name: 'Cancel update' })).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Pending configuration' })).toHaveCount(0)
  const active = page.getByRole('table', { name: 'Active configuration' })
  await expect(active.getByRole('row')).toHaveCount(2)
  await expect(active).toContainText('ranker-11')
  await expect(page.getByText('Update canceled. Version 6 keeps serving.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit endpoint' })).toBeEnabled()

  // It stays canceled for the next visitor.
  await page.reload()
  await expect(stateOf(page)).toContainText('Update canceled')
  await expect(page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem').first()).toContainText(
    'Update canceled',
  )
})

test('an update started through the API can be canceled on the page', async ({ page }) => {
  await page.goto('/ml/endpoints')
  await expect(page.getByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeVisible()
  // Long enough that a slow machine cannot finish the update before the click.
  await setControls(page, { latencyMs: 0, updateMs: 600_000 })
  await startUpdate(page, 'churn-predictor', churnUpdate)

  await page.getByRole('link', { name: 'churn-predictor' }).click()
  await expect(stateOf(page)).toContainText('Update in progress')
  const pending = page.getByRole('table', { name: 'Pending configuration' })
  await expect(pending.getByRole('row', { name: /churn_model-4/ })).toContainText('was CPU · Medium · scale to zero')
  await expect(page.getByRole('table', { name: 'Active configuration' }).getByRole('row', { name: /churn_model-3/ })).toContainText(
    'Removed in pending',
  )

  await page.getByRole('button', { name: 'Cancel update' }).click()
  await expect(stateOf(page)).toContainText('Update canceled')
  await expect(page.getByRole('button', { name: 'Cancel update' })).toHaveCount(0)
  const active = page.getByRole('table', { name: 'Active configuration' })
  await expect(active.getByRole('row')).toHaveCount(3)
  await expect(active).toContainText('80%')
})

test('watches an update become applied as time passes, then stops polling', async ({ page }) => {
  await page.clock.install()
  await page.goto('/ml/endpoints')
  await expect(page.getByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeVisible()
  await startUpdate(page, 'churn-predictor', churnUpdate)
  await page.getByRole('link', { name: 'churn-predictor' }).click()
  await expect(stateOf(page)).toContainText('Update in progress')

  await page.clock.runFor(5000)

  await expect(stateOf(page)).not.toContainText('Update in progress')
  await expect(page.getByRole('table', { name: 'Pending configuration' })).toHaveCount(0)
  const active = page.getByRole('table', { name: 'Active configuration' })
  await expect(active.getByRole('row')).toHaveCount(2)
  await expect(active).toContainText('CPU · Large')
  await expect(page.getByText('Version 5', { exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem').first()).toContainText(
    'Config version 5 is now serving.',
  )

  const requests = countDetailGets(page, 'churn-predictor')
  await page.clock.runFor(60_000)
  expect(requests.count).toBe(0)
})

test('measures requests per minute: none when settled, about 30 while updating', async ({ page }, testInfo) => {
  await page.clock.install()
  const settled = countDetailGets(page, 'churn-predictor')
  await page.goto('/ml/endpoints/churn-predictor')
  await expect(page.getByRole('table', { name: 'Active configuration' })).toBeVisible()
  const settledBefore = settled.count
  await page.clock.runFor(60_000)
  const settledPerMinute = settled.count - settledBefore

  const updating = countDetailGets(page, 'recsys-ranker')
  await page.goto('/ml/endpoints/recsys-ranker')
  await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
  const updatingBefore = updating.count
  // Fake time outruns real responses: let each poll land before the next 2 s, as it would in real time.
  for (let i = 0; i < 30; i++) {
    await page.clock.runFor(2000)
    await expect.poll(() => updating.inFlight).toBe(0)
  }
  expect(updating.count - updatingBefore).toBeGreaterThanOrEqual(28)
  const updatingPerMinute = updating.count - updatingBefore

  testInfo.annotations.push({ type: 'GET per minute', description: `settled ${settledPerMinute}, in progress ${updatingPerMinute}` })
  console.log(`details page GETs per minute: settled ${settledPerMinute}, in progress ${updatingPerMinute}`)
  expect(settledPerMinute).toBe(0)
  expect(updatingPerMinute).toBeLessThanOrEqual(31)
})

test('shows Endpoint not found for an unknown name, with a way back', async ({ page }) => {
  await page.goto('/ml/endpoints/no-such-endpoint')
  await expect(page.getByRole('heading', { level: 1, name: 'Endpoint not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to Serving endpoints' }).click()
  await expect(page).toHaveURL(/\/ml\/endpoints$/)
})

test('has no serious accessibility violations, with dialogs open too', async ({ page }) => {
  test.setTimeout(90_000) // axe runs three times on a shared CPU
  await page.goto('/ml/endpoints/recsys-ranker')
  await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
  const serious = async () =>
    // The app shell's navigation is checked by the shell's own suite.
    (await new AxeBuilder({ page }).exclude('nav').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(await serious()).toEqual([])

  await page.getByRole('tab', { name: 'Logs' }).click()
  await expect(page.getByLabel(/Server logs of/)).toBeVisible()
  expect(await serious()).toEqual([])

  await page.getByRole('button', { name: 'Query endpoint' }).click()
  await expect(page.getByRole('dialog', { name: 'Query endpoint' })).toBeVisible()
  expect(await serious()).toEqual([])
  await page.keyboard.press('Escape')

  await page.goto('/ml/endpoints/support-chat-gpt4o')
  await page.getByRole('button', { name: 'Query endpoint' }).click()
  await page.getByRole('button', { name: 'Send' }).click()
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Here is a short answer from gpt-4o')
  await page.screenshot({ path: '/tmp/details-query.png' })
  await page.keyboard.press('Escape')
  await page.screenshot({ path: '/tmp/details-ready.png', fullPage: true })
})
