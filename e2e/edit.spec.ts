import { expect, test } from './kit'

test('edits an endpoint’s traffic split and tags, then shows its page', async ({ page, servingMock }) => {
  await page.goto('/ml/endpoints/churn-predictor/edit')
  await expect(page.getByRole('heading', { level: 1, name: 'Edit serving endpoint' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('churn-predictor')
  await expect(page.getByRole('textbox', { name: 'Name' })).not.toBeEditable()
  const traffic = page.getByRole('textbox', { name: 'Traffic (%)' })
  await traffic.nth(0).fill('60')
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(traffic.nth(0)).toHaveAccessibleDescription('Traffic must add up to 100% (now 80%).')
  await traffic.nth(1).fill('40')
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('textbox', { name: 'Key' }).last().fill('reviewed')
  await page.getByRole('button', { name: 'Update' }).click()
  await expect(page).toHaveURL(/\/ml\/endpoints\/churn-predictor$/)
  await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
  const puts = await servingMock.requests({ method: 'PUT', path: '/api/2.0/serving-endpoints/churn-predictor/config' })
  expect(puts.map((r) => r.status)).toEqual([200])
  const sent = puts[0].body as { traffic_config: { routes: { traffic_percentage: number }[] } }
  expect(sent.traffic_config.routes.map((r) => r.traffic_percentage)).toEqual([60, 40])
})

test('refuses to edit while an update is in progress, with the reason', async ({ page, servingMock }) => {
  await servingMock.scenario('busy')
  await page.goto('/ml/endpoints/busy-updating-01/edit')
  await expect(page.getByText('Cannot edit endpoint when pending update is in progress.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Update' })).toBeDisabled()
})

test('leaving with unsaved input asks first', async ({ page }) => {
  await page.goto('/ml/endpoints/sentiment-classifier/edit')
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('textbox', { name: 'Key' }).last().fill('draft')
  await page.getByRole('link', { name: 'Serving', exact: true }).click()
  const confirm = page.getByRole('dialog', { name: 'Discard unsaved changes?' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page.getByRole('textbox', { name: 'Key' }).last()).toHaveValue('draft')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await confirm.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page).toHaveURL(/\/ml\/endpoints\/sentiment-classifier$/)
})
