import type { Page } from '@playwright/test'
import { expect, setControls, test } from './fixtures'
import { detailPath, startUpdate } from './api'
import { DetailsPage } from './pages/details-page'
import { ListPage } from './pages/list-page'

function countDetailGets(page: Page, name: string): { readonly count: number } {
  let count = 0
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname === detailPath(name)) count++
  })
  return {
    get count() {
      return count
    },
  }
}

test('Cancel update on the seeded in-progress endpoint keeps the active config', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('recsys-ranker')
  await expect(details.state).toContainText('Update in progress')
  await expect(details.pendingConfig).toBeVisible()
  await expect(details.editButton).toBeDisabled()
  await expect(page.getByText('Cannot edit endpoint when pending update is in progress.')).toBeVisible()

  await details.cancelUpdate()

  await expect(details.state).toContainText('Update canceled')
  await expect(details.state).toContainText('Ready')
  await expect(details.cancelUpdateButton).toHaveCount(0)
  await expect(details.pendingConfig).toHaveCount(0)
  await expect(details.activeConfig.getByRole('row')).toHaveCount(2)
  await expect(details.activeConfig).toContainText('ranker-11')
  await expect(page.getByText('Update canceled. Version 6 keeps serving.')).toBeVisible()
  await expect(details.editButton).toBeEnabled()

  // It stays canceled for the next visitor.
  await page.reload()
  await expect(details.state).toContainText('Update canceled')
  await expect(details.events.getByRole('listitem').first()).toContainText('Update canceled')
})

test('an update started through the API can be canceled on the page', async ({ page }) => {
  const list = new ListPage(page)
  const details = new DetailsPage(page)
  await list.goto()
  // Long enough that a slow machine cannot finish the update before the click.
  await setControls(page, { latencyMs: 0, updateMs: 600_000 })
  await startUpdate(page, 'churn-predictor')

  await list.link('churn-predictor').click()
  await expect(details.state).toContainText('Update in progress')
  await expect(details.pendingConfig.getByRole('row', { name: /churn_model-4/ })).toContainText(
    'was CPU · Medium · scale to zero',
  )
  await expect(details.activeConfig.getByRole('row', { name: /churn_model-3/ })).toContainText('Removed in pending')

  await details.cancelUpdate()
  await expect(details.state).toContainText('Update canceled')
  await expect(details.cancelUpdateButton).toHaveCount(0)
  await expect(details.activeConfig.getByRole('row')).toHaveCount(3)
  await expect(details.activeConfig).toContainText('80%')
})

test('watches an update become applied as time passes, then stops polling', async ({ page }) => {
  const list = new ListPage(page)
  const details = new DetailsPage(page)
  await page.clock.install()
  await list.goto()
  await startUpdate(page, 'churn-predictor')
  await list.link('churn-predictor').click()
  await expect(details.state).toContainText('Update in progress')

  await page.clock.runFor(5000)

  await expect(details.state).not.toContainText('Update in progress')
  await expect(details.pendingConfig).toHaveCount(0)
  await expect(details.activeConfig.getByRole('row')).toHaveCount(2)
  await expect(details.activeConfig).toContainText('CPU · Large')
  await expect(page.getByText('Version 5', { exact: true })).toBeVisible()
  await expect(details.events.getByRole('listitem').first()).toContainText('Config version 5 is now serving.')

  // Settled: no more requests (how many a minute while updating is the bench's to count).
  const requests = countDetailGets(page, 'churn-predictor')
  await page.clock.runFor(60_000)
  expect(requests.count).toBe(0)
})

test('queries an external-model endpoint and shows its answer', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('support-chat-gpt4o')
  const dialog = await details.openQueryDialog()
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByRole('region', { name: 'Response' })).toContainText('Here is a short answer from gpt-4o')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
