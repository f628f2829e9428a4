// Sharing an endpoint: the Permissions dialog saves to the mock (kept across a reload), and a caller
// with a lower level (the `caller` mock control) finds the actions it may not take disabled, with the
// reason, and the API refusing them.
import type { Page } from '@playwright/test'
import { expect, mockReady, setControls, test } from './fixtures'
import { expectNoSeriousViolations } from './helpers'

async function openDetails(page: Page, name: string) {
  await page.goto(`/ml/endpoints/${name}`)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

async function openPermissions(page: Page) {
  await page.getByRole('button', { name: 'Permissions' }).click()
  const dialog = page.getByRole('dialog', { name: 'Permissions' })
  await expect(dialog.getByRole('list', { name: 'Who has access' })).toBeVisible()
  return dialog
}

test('grant CAN_QUERY to a group and see it after a reload', async ({ page }) => {
  await openDetails(page, 'churn-predictor')
  let dialog = await openPermissions(page)
  await dialog.getByLabel('Add user, group or service principal').fill('data-scientists')
  await dialog.getByLabel('Permission level').selectOption({ label: 'Can query' })
  await dialog.getByRole('button', { name: 'Add' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Permissions of churn-predictor saved.')).toBeVisible()
  await expect(dialog).toBeHidden()

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
  dialog = await openPermissions(page)
  await expect(dialog.getByRole('combobox', { name: 'Permission of data-scientists' })).toHaveValue('CAN_QUERY')
})

test('a CAN_QUERY caller finds Edit disabled with its reason, and the API answers 403', async ({ page }) => {
  await openDetails(page, 'support-chat-gpt4o')
  await setControls(page, { latencyMs: 0, caller: { user_name: 'sam.support@example.com', groups: ['support'] } })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'support-chat-gpt4o' })).toBeVisible()

  const edit = page.getByRole('button', { name: 'Edit endpoint' })
  await expect(edit).toHaveAttribute('aria-disabled', 'true')
  await expect(edit).toHaveAccessibleDescription(
    /editing, deleting, canceling an update and managing permissions need Can manage/,
  )
  await edit.click({ force: true }) // aria-disabled: Playwright would wait for it to be enabled
  await expect(page).toHaveURL(/\/ml\/endpoints\/support-chat-gpt4o$/)
  await expect(page.getByRole('button', { name: 'Query endpoint' })).not.toHaveAttribute('aria-disabled', 'true')

  await mockReady(page)
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/2.0/serving-endpoints/support-chat-gpt4o/config', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ served_entities: [] }),
    })
    return { status: response.status, body: (await response.json()) as { error_code: string; message: string } }
  })
  expect(answer).toEqual({
    status: 403,
    body: {
      error_code: 'PERMISSION_DENIED',
      message: "User sam.support@example.com does not have permission 'CAN_MANAGE' on serving endpoint 'support-chat-gpt4o'.",
    },
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Permissions dialog has no serious axe violation (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await openDetails(page, 'recsys-ranker')
    const dialog = await openPermissions(page)
    await dialog.getByRole('button', { name: 'Add' }).click()
    await expect(dialog.getByText('Enter a user, group or service principal.')).toBeVisible()
    await expectNoSeriousViolations(page, `the Permissions dialog (${colorScheme})`)
    await page.screenshot({ path: `test-results/permissions-dialog-${colorScheme}.png` })
  })

  test(`actions a Can view user may not take: disabled, with the reason, no serious axe violation (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme })
    await openDetails(page, 'shared-embeddings')
    for (const name of ['Query endpoint', 'Edit endpoint', 'Delete', 'Permissions']) {
      await expect(page.getByRole('button', { name })).toHaveAccessibleDescription(/You have view-only access/)
    }
    await expectNoSeriousViolations(page, `the disabled actions (${colorScheme})`)
    await page.screenshot({ path: `test-results/permissions-locked-${colorScheme}.png` })
  })
}
