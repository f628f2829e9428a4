// axe (WCAG 2.0–2.2 A/AA) on every page and dialog state a person reaches: no serious or critical violation.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { chooseFoundation, chooseUcModel, expectNoSeriousViolations, openEntityDialog } from './helpers'
import { DetailsPage } from './pages/details-page'
import { ListPage } from './pages/list-page'

async function openCreate(page: Page) {
  await page.goto('/ml/endpoints/create')
  await expect(page.getByRole('heading', { level: 1, name: 'Create serving endpoint' })).toBeVisible()
}

test('list page', async ({ page }) => {
  await new ListPage(page).goto()
  await expectNoSeriousViolations(page, 'the list')
})

test('list page filtered to my endpoints', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto({ search: '?q=team&owner=me' })
  await expect(list.rows).toHaveCount(5)
  await expectNoSeriousViolations(page, 'the filtered list')
})

test('create form, empty and with every section filled', async ({ page }) => {
  await openCreate(page)
  await expectNoSeriousViolations(page, 'the empty create form')
  await page.getByRole('textbox', { name: 'Name' }).fill('a11y-form')
  const dialog = await openEntityDialog(page)
  await chooseUcModel(dialog, 'main.default.churn_model', '4')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await page.getByRole('button', { name: 'Add environment variable' }).click()
  await page.getByRole('textbox', { name: 'Variable name' }).fill('THRESHOLD')
  await page.getByRole('button', { name: 'Add served entity' }).click()
  await page.getByRole('button', { name: 'Add rate limit' }).click()
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('checkbox', { name: 'Enable inference tables' }).check()
  await expect(page.getByRole('textbox', { name: 'Catalog' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the filled create form')
})

test('create form showing its field errors', async ({ page }) => {
  await openCreate(page)
  await page.getByRole('button', { name: 'Add rate limit' }).click()
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('textbox', { name: 'Calls per minute' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousViolations(page, 'the create form with errors')
})

test('Select served entity: Unity Catalog model and a provisioned-throughput model', async ({ page }) => {
  await openCreate(page)
  const dialog = await openEntityDialog(page)
  await chooseUcModel(dialog, 'main.default.churn_model', '4')
  await expectNoSeriousViolations(page, 'the dialog with a Unity Catalog model')
  await chooseFoundation(dialog, 'Meta Llama 3.3 70B Instruct')
  await expect(dialog.getByText('Provisioned throughput: set the model units')).toBeVisible()
  await expectNoSeriousViolations(page, 'the dialog with a provisioned-throughput model')
})

test('Select served entity: an external provider (OpenAI)', async ({ page }) => {
  await openCreate(page)
  const dialog = await openEntityDialog(page)
  await chooseFoundation(dialog, 'OpenAI')
  await dialog.getByRole('combobox', { name: 'Task' }).selectOption({ label: 'Chat' })
  await expect(dialog.getByLabel('OpenAI API key', { exact: true })).toBeVisible()
  await expectNoSeriousViolations(page, 'the dialog with OpenAI')
})

test('Select served entity: providers with mutually exclusive auth', async ({ page }) => {
  await openCreate(page)
  const dialog = await openEntityDialog(page)
  await chooseFoundation(dialog, 'Azure OpenAI')
  await dialog.getByRole('radio', { name: 'Microsoft Entra ID' }).check()
  await expect(dialog.getByLabel('Microsoft Entra client secret', { exact: true })).toBeVisible()
  await expectNoSeriousViolations(page, 'the dialog with Azure OpenAI (Entra ID)')

  await dialog.getByRole('combobox', { name: 'Select a foundation model' }).selectOption({ label: 'Amazon Bedrock' })
  await dialog
    .getByRole('radiogroup', { name: /^AWS access key ID source/ })
    .getByRole('radio', { name: 'Plain text' })
    .check()
  await expectNoSeriousViolations(page, 'the dialog with Amazon Bedrock (access keys, plain text)')
})

test('Select served entity showing validation errors', async ({ page }) => {
  await openCreate(page)
  const dialog = await openEntityDialog(page)
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog.getByRole('combobox', { name: 'Model' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousViolations(page, 'the dialog with Unity Catalog errors')

  await chooseFoundation(dialog, 'Azure OpenAI')
  await dialog.getByLabel('Azure OpenAI API key', { exact: true }).fill('not a reference')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog.getByLabel('Azure OpenAI API key', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('combobox', { name: 'Task' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousViolations(page, 'the dialog with Azure OpenAI errors')
})

const detailStates = [
  { name: 'churn-predictor', state: 'Ready', status: undefined },
  { name: 'recsys-ranker', state: 'Ready', status: 'Update in progress' },
  { name: 'sentiment-classifier', state: 'Ready', status: 'Update failed' },
  { name: 'fraud-detector-v2', state: 'Not ready', status: 'Update in progress' },
] as const

for (const c of detailStates) {
  test(`details page: ${c.name} (${c.status ?? c.state})`, async ({ page }) => {
    const details = new DetailsPage(page)
    await details.goto(c.name)
    await expect(details.state).toContainText(c.state)
    if (c.status) await expect(details.state).toContainText(c.status)
    await expect(details.events).toBeVisible()
    await expectNoSeriousViolations(page, `details of ${c.name}`)
  })
}

test('details page: Logs tab', async ({ page }) => {
  await new DetailsPage(page).goto('recsys-ranker')
  await page.getByRole('tab', { name: 'Logs' }).click()
  await expect(page.getByLabel(/Server logs of/)).toBeVisible()
  await expectNoSeriousViolations(page, 'the Logs tab')
})

test('details page of a Foundation Model API endpoint', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('databricks-claude-sonnet-4-5')
  await expect(details.queryButton).toBeVisible()
  await expect(details.deleteButton).toHaveCount(0)
  await expectNoSeriousViolations(page, 'a Foundation Model API endpoint')
})

test('Delete serving endpoint dialog', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('churn-predictor')
  await details.openDeleteDialog()
  await expectNoSeriousViolations(page, 'the Delete serving endpoint dialog')
})

test('Query endpoint dialog with a response', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('churn-predictor')
  const query = await details.openQueryDialog()
  await query.getByRole('button', { name: 'Send' }).click()
  await expect(query.getByRole('region', { name: 'Response' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the Query endpoint dialog with a response')
})

test('edit form', async ({ page }) => {
  await page.goto('/ml/endpoints/churn-predictor/edit')
  await expect(page.getByRole('heading', { level: 1, name: 'Edit serving endpoint' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('churn-predictor')
  await expectNoSeriousViolations(page, 'the edit form')
})

test('Page not found', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expectNoSeriousViolations(page, 'Page not found')
})

test('Developer menu', async ({ page }) => {
  await new ListPage(page).goto()
  await page.getByRole('button', { name: /Developer menu/ }).click()
  const menu = page.getByRole('dialog', { name: 'Developer menu' })
  await expect(menu.getByRole('button', { name: 'Reset demo data' })).toBeVisible()
  await expectNoSeriousViolations(page, 'the Developer menu')
})

test.describe('dark mode', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
  })

  test('list page', async ({ page }) => {
    await new ListPage(page).goto()
    // The page really is dark: the canvas behind the heading has a dark background.
    const canvas = await page.getByRole('heading', { level: 1 }).evaluate((el) => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const rgb =
          getComputedStyle(node)
            .backgroundColor.match(/[\d.]+/g)
            ?.map(Number) ?? []
        if (rgb.length === 3 || (rgb.length === 4 && rgb[3] > 0)) return rgb.slice(0, 3)
      }
      return [255, 255, 255]
    })
    expect(Math.max(...canvas), `canvas rgb(${canvas.join(', ')}) is dark`).toBeLessThan(100)
    await expectNoSeriousViolations(page, 'the list in dark mode')
  })

  test('details pages', async ({ page }) => {
    const details = new DetailsPage(page)
    for (const name of ['recsys-ranker', 'sentiment-classifier']) {
      await details.goto(name)
      await expect(details.events).toBeVisible()
      await expectNoSeriousViolations(page, `details of ${name} in dark mode`)
    }
  })
})
