// The servingMock fixture, used the way another project's suite would use it: the fixture and the
// page only, nothing of the mock's insides.
import { expect, test } from './kit'

const rowOf = (page: import('@playwright/test').Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) })

// The README's complete spec, as printed there.
test('an update in flight settles', async ({ page, servingMock }) => {
  await servingMock.scenario('busy')
  await page.goto('/ml/endpoints')
  const row = page.getByRole('row').filter({ hasText: 'busy-updating-01' })
  await expect(row).toContainText('Update in progress')
  await servingMock.advance(30_000)
  await expect(row).not.toContainText('Update in progress')
  expect(await servingMock.requests({ method: 'PUT' })).toEqual([])
})

test('a scenario before the first load, then time moved past its rollouts', async ({ page, servingMock }) => {
  await servingMock.scenario('busy')
  await page.goto('/ml/endpoints')
  await expect(rowOf(page, 'busy-creating-01')).toContainText('Not ready')
  await expect(rowOf(page, 'busy-updating-04')).toContainText('Update in progress')
  await servingMock.advance(120_000)
  await expect(rowOf(page, 'busy-creating-01')).toContainText('Ready')
  await expect(rowOf(page, 'busy-updating-04')).not.toContainText('Update in progress')
})

test('the journal says what the page sent, secrets redacted', async ({ page, servingMock }) => {
  await page.goto('/ml/endpoints/support-chat-gpt4o')
  await expect(page.getByRole('heading', { level: 1, name: 'support-chat-gpt4o' })).toBeVisible()
  await servingMock.reset()
  await page.evaluate(() =>
    fetch('/api/2.0/serving-endpoints', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'kit-journal',
        config: {
          served_entities: [
            {
              name: 'gpt',
              external_model: {
                name: 'gpt-4o',
                provider: 'openai',
                task: 'llm/v1/chat',
                openai_config: { openai_api_key_plaintext: 'sk-kit-secret' },
              },
            },
          ],
        },
      }),
    }),
  )
  const [sent] = await servingMock.requests({ method: 'POST', path: '/api/2.0/serving-endpoints' })
  expect(sent.status).toBe(200)
  expect(JSON.stringify(sent.body)).toContain('"openai_api_key_plaintext":"[REDACTED]"')
  expect(JSON.stringify(sent.body)).not.toContain('sk-kit-secret')
})

test('a scenario after the page has loaded, and one control changed', async ({ page, servingMock }) => {
  await page.goto('/ml/endpoints')
  await expect(rowOf(page, 'recsys-ranker')).toBeVisible()
  await servingMock.scenario('failing')
  expect(await servingMock.controls({ updateMs: 1000 })).toMatchObject({ updateMs: 1000, latencyMs: 0, deployMs: 8000 })
  await page.reload()
  await expect(rowOf(page, 'failing-update-01')).toContainText('Update failed')
  await expect(rowOf(page, 'failing-in-flight-01')).toContainText('Update in progress')
  await servingMock.advance(30_000)
  await expect(rowOf(page, 'failing-in-flight-01')).toContainText('Update failed')
})

test('an exported state comes back after a reset', async ({ page, servingMock }) => {
  await servingMock.scenario('empty')
  await page.goto('/ml/endpoints')
  await expect(rowOf(page, 'recsys-ranker')).toHaveCount(0)
  const empty = await servingMock.state()
  await servingMock.reset()
  await page.reload()
  await expect(rowOf(page, 'recsys-ranker')).toBeVisible()
  await servingMock.scenario(empty)
  await page.reload()
  await expect(rowOf(page, 'recsys-ranker')).toHaveCount(0)
})

test.describe('through Playwright routing', () => {
  test.use({ servingMockMode: 'route' })

  test('the mock answers through page.route, and its clock moves with the page’s', async ({ page, servingMock }) => {
    await servingMock.scenario('busy')
    await page.goto('/ml/endpoints')
    await expect(rowOf(page, 'busy-creating-02')).toContainText('Not ready')
    await servingMock.advance(60_000)
    await expect(rowOf(page, 'busy-creating-02')).toContainText('Ready')
    expect((await servingMock.requests({ method: 'GET', path: '/api/2.0/serving-endpoints' })).length).toBeGreaterThan(0)
  })

  test('a test’s own page.route override wins over the mock; route.fallback() reaches it', async ({ page, servingMock }) => {
    await page.route('**/api/2.0/serving-endpoints/churn-predictor', (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ status: 503, json: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'Overridden by the test.' } })
        : route.fallback(),
    )
    await page.goto('/ml/endpoints/churn-predictor')
    await expect(page.getByRole('alert')).toContainText('Overridden by the test.')
    await page.goto('/ml/endpoints/sentiment-classifier')
    await expect(page.getByRole('heading', { level: 1, name: 'sentiment-classifier' })).toBeVisible()
    expect((await servingMock.requests({ path: '/api/2.0/serving-endpoints/churn-predictor' })).length).toBe(0)
  })
})

test('in the browser, X-Mock-Session gives a request its own state without disturbing the page', async ({
  page,
  servingMock,
}) => {
  await page.goto('/ml/endpoints')
  await expect(rowOf(page, 'recsys-ranker')).toBeVisible()
  const statuses = await page.evaluate(async () => {
    const session = { 'X-Mock-Session': 'browser-1', 'X-Mock-Scenario': 'empty' }
    const inSession = await fetch('/api/2.0/serving-endpoints/recsys-ranker', { headers: session })
    const outside = await fetch('/api/2.0/serving-endpoints/recsys-ranker')
    return [inSession.status, outside.status]
  })
  expect(statuses).toEqual([404, 200])
  expect((await servingMock.requests({ path: '/api/2.0/serving-endpoints/recsys-ranker' })).length).toBe(1)
})
