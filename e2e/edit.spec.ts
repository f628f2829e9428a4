import { expect, test } from './fixtures'

test('edits an endpoint’s traffic split and tags, then shows its page', async ({ page }) => {
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
  await page.getByRole('textbox', { name: 'Key', exact: true }).last().fill('reviewed')
  const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/churn-predictor/config'))
  await page.getByRole('button', { name: 'Update' }).click()
  expect(
    (await put).postDataJSON().traffic_config.routes.map((r: { traffic_percentage: number }) => r.traffic_percentage),
  ).toEqual([60, 40])
  await expect(page).toHaveURL(/\/ml\/endpoints\/churn-predictor$/)
  await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
})

test('refuses to edit while an update is in progress, with the reason', async ({ page }) => {
  await page.goto('/ml/endpoints/recsys-ranker/edit')
  await expect(page.getByText('Cannot edit endpoint when pending update is in progress.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Update' })).toBeDisabled()
})

test('leaving with unsaved input asks first', async ({ page }) => {
  await page.goto('/ml/endpoints/sentiment-classifier/edit')
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('textbox', { name: 'Key', exact: true }).last().fill('draft')
  await page.getByRole('link', { name: 'Serving', exact: true }).click()
  const confirm = page.getByRole('dialog', { name: 'Discard unsaved changes?' })
  await expect(confirm).toBeVisible()
  await confirm.getByRole('button', { name: 'Keep editing' }).click()
  await expect(page.getByRole('textbox', { name: 'Key', exact: true }).last()).toHaveValue('draft')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await confirm.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page).toHaveURL(/\/ml\/endpoints\/sentiment-classifier$/)
})
