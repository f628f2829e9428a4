// The console through the Vite proxy in mock-server mode (project "proxy"): the console works, a page
// on another origin can neither change nor read anything through it.
import { expect, test } from '@playwright/test'

const TOKEN = { Authorization: 'Bearer dapi-e2e' }

test('the console lists endpoints and cancels an update through the proxy', async ({ page, request }, info) => {
  const mockServer = String(info.project.metadata.mockServer)
  await request.post(`${mockServer}/__mock/reset`, { headers: TOKEN })
  await page.goto('/ml/endpoints')
  await expect(page.getByText(/^Mock server http:\/\/127\.0\.0\.1:\d+$/)).toBeVisible()
  await page.getByRole('link', { name: 'recsys-ranker' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'recsys-ranker' })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel update' }).click()
  await expect(page.getByRole('button', { name: 'Cancel update' })).toHaveCount(0)
  const after = await request.get(`${mockServer}/api/2.0/serving-endpoints/recsys-ranker`, { headers: TOKEN })
  expect((await after.json()).state.config_update).toBe('UPDATE_CANCELED')
})

test('a page on another origin creates nothing and reads nothing through the proxy', async ({ page, request, baseURL }, info) => {
  const mockServer = String(info.project.metadata.mockServer)
  await request.post(`${mockServer}/__mock/reset`, { headers: TOKEN })
  const count = async () =>
    (
      (await (await request.get(`${mockServer}/api/2.0/serving-endpoints`, { headers: TOKEN })).json()) as {
        endpoints: unknown[]
      }
    ).endpoints.length
  const before = await count()
  // 127.0.0.1 is another origin than localhost: the same server, reached as a foreign page would.
  const foreign = new URL(baseURL ?? '').toString().replace('localhost', '127.0.0.1')
  await page.goto(`${foreign}ml/endpoints`)
  const target = `${baseURL}/api/2.0/serving-endpoints`
  const outcome = await page.evaluate(async (url) => {
    const body = JSON.stringify({
      name: 'planted',
      config: {
        served_entities: [
          { entity_name: 'main.default.churn_model', entity_version: '1', workload_size: 'Small', scale_to_zero_enabled: true },
        ],
      },
    })
    await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).catch(() => undefined)
    const read = await fetch(url).then(
      (r) => `status ${r.status}`,
      () => 'blocked',
    )
    return read
  }, target)
  expect(outcome).toBe('blocked')
  expect(await count()).toBe(before)
})

test('a streamed answer comes through the proxy in pieces, and the snippets name the mock server', async ({
  page,
  request,
}, info) => {
  const mockServer = String(info.project.metadata.mockServer)
  await request.post(`${mockServer}/__mock/reset`, { headers: TOKEN })
  await request.put(`${mockServer}/__mock/controls`, { headers: TOKEN, data: { latencyMs: 40 } })
  try {
    await page.goto('/ml/endpoints/support-chat-gpt4o')
    await page.getByRole('button', { name: 'Query endpoint' }).click()
    const dialog = page.getByRole('dialog', { name: 'Query endpoint' })
    await dialog.getByRole('checkbox', { name: 'Stream' }).check()
    await page.evaluate(() => {
      const seen: string[] = []
      new MutationObserver(() => {
        const text = document.querySelector('[aria-label="Streamed answer"]')?.textContent
        if (text && text !== seen.at(-1)) seen.push(text)
      }).observe(document.body, { subtree: true, childList: true, characterData: true })
      Object.assign(window, { streamedTexts: seen })
    })
    await dialog.getByRole('button', { name: 'Send' }).click()
    await expect(dialog.getByText('Finished.')).toBeVisible({ timeout: 15_000 })
    const texts = await page.evaluate(() => (window as unknown as { streamedTexts: string[] }).streamedTexts)
    expect(texts.at(-1)).toMatch(/^Here is a short answer from gpt-4o/)
    expect(texts.length).toBeGreaterThan(2)

    await dialog.getByRole('tab', { name: 'Python' }).click()
    await expect(dialog.getByLabel('Python code')).toContainText(`base_url="${mockServer}/serving-endpoints"`)
    await expect(dialog.getByLabel('Python code')).not.toContainText('dapi')
  } finally {
    await request.put(`${mockServer}/__mock/controls`, { headers: TOKEN, data: { latencyMs: 0 } })
  }
})
