import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function openDialog(page: Page): Promise<Locator> {
  await page
    .getByRole('button', { name: /^Entity/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Select served entity' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function chooseProvider(dialog: Locator, provider: string) {
  await dialog.getByRole('radio', { name: 'Foundation models' }).check()
  await dialog.getByRole('combobox', { name: 'Select a foundation model' }).selectOption({ label: provider })
}

async function createAndExpectDetails(page: Page, name: string) {
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page).toHaveURL(new RegExp(`/ml/endpoints/${name}$`))
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByText('Not ready').first()).toBeVisible()
}

test.beforeEach(async ({ page }) => {
  await page.goto('/ml/endpoints/create')
  await expect(page.getByRole('heading', { level: 1, name: 'Create serving endpoint' })).toBeVisible()
})

test('creates an endpoint serving a Unity Catalog custom model', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-churn')
  const dialog = await openDialog(page)
  await dialog.getByRole('combobox', { name: 'Model' }).selectOption('main.default.churn_model')
  await dialog.getByRole('combobox', { name: 'Version' }).selectOption({ label: 'Version 4' })
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('button', { name: /^Entity/ })).toHaveAccessibleName('Entity main.default.churn_model · Version 4')
  await page.getByRole('combobox', { name: 'Compute type' }).selectOption('GPU_SMALL')
  await page.getByRole('combobox', { name: 'Compute scale-out' }).selectOption('Medium')
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('textbox', { name: 'Key', exact: true }).fill('team')
  await page.getByRole('textbox', { name: /^Value/ }).fill('ml')
  // The form itself; the app shell is checked by its own spec.
  const axe = await new AxeBuilder({ page }).include('main form').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await createAndExpectDetails(page, 'e2e-churn')
})

test('creates an endpoint with provisioned throughput on a foundation model', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-llama-pt')
  const dialog = await openDialog(page)
  await chooseProvider(dialog, 'Meta Llama 3.3 70B Instruct')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('button', { name: /^Entity/ })).toHaveAccessibleName(
    'Entity Meta Llama 3.3 70B Instruct · Provisioned throughput',
  )
  await page.getByRole('textbox', { name: 'Provisioned model units' }).fill('100')
  await createAndExpectDetails(page, 'e2e-llama-pt')
})

test('creates an external OpenAI endpoint with a secret reference', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-openai')
  const dialog = await openDialog(page)
  await chooseProvider(dialog, 'OpenAI')
  await dialog.getByLabel('OpenAI API key', { exact: true }).fill('not a reference')
  await dialog.getByRole('combobox', { name: 'Task' }).selectOption({ label: 'Chat' })
  await dialog.getByRole('combobox', { name: 'External model name' }).fill('gpt-4o')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog.getByLabel('OpenAI API key', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await dialog.getByLabel('OpenAI API key', { exact: true }).fill('{{secrets/e2e/openai_key}}')
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: /^Entity/ })).toBeFocused()
  await expect(page.getByRole('button', { name: /^Entity/ })).toHaveAccessibleName('Entity OpenAI · gpt-4o · Chat')
  await expect(page.getByRole('button', { name: 'Add served entity' })).toBeDisabled()
  await createAndExpectDetails(page, 'e2e-openai')
})

test('picks a model name from the visible suggestions, names the entity, and shows the settings on its card', async ({
  page,
}) => {
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-embeddings')
  const dialog = await openDialog(page)
  await chooseProvider(dialog, 'OpenAI')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  // Required fields come first; Confirm focuses the first invalid one as seen.
  await expect(dialog.getByLabel('OpenAI API key', { exact: true })).toBeFocused()
  await dialog.getByLabel('OpenAI API key', { exact: true }).fill('{{secrets/e2e/openai_key}}')
  await dialog.getByRole('combobox', { name: 'Task' }).selectOption({ label: 'Embeddings' })
  const model = dialog.getByRole('combobox', { name: 'External model name' })
  await model.click()
  const list = dialog.getByRole('listbox', { name: 'Suggested model names' })
  await expect(list.getByRole('option')).toHaveText([
    'text-embedding-3-large',
    'text-embedding-3-small',
    'text-embedding-ada-002',
  ])
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(dialog).toBeVisible()
  await model.fill('ada')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(model).toHaveValue('text-embedding-ada-002')
  await dialog.getByRole('textbox', { name: /^Served entity name/ }).fill('openai_embeddings')
  await dialog.getByLabel('OpenAI API base').fill('https://proxy.example.com/v1')
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog).toBeHidden()
  const entity = page.getByRole('button', { name: /^Entity/ })
  await expect(entity).toHaveAccessibleName('Entity OpenAI · text-embedding-ada-002 · Embeddings')
  await expect(entity).toContainText('Change…')
  for (const text of ['openai_embeddings', '{{secrets/e2e/openai_key}}', 'https://proxy.example.com/v1', 'Embeddings']) {
    await expect(page.getByRole('definition').filter({ hasText: text }).first()).toBeVisible()
  }
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/2.0/serving-endpoints'))
  await createAndExpectDetails(page, 'e2e-embeddings')
  expect((await posted).postDataJSON().config.served_entities[0].name).toBe('openai_embeddings')
})

test('creates an external Anthropic endpoint with a plain-text secret that is never shown again', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-claude')
  const dialog = await openDialog(page)
  await chooseProvider(dialog, 'Anthropic')
  await dialog.getByRole('radiogroup', { name: 'Anthropic API key source' }).getByRole('radio', { name: 'Plain text' }).check()
  const key = dialog.getByLabel('Anthropic API key', { exact: true })
  await expect(key).toHaveAttribute('type', 'password')
  await key.fill('sk-ant-e2e-secret')
  await dialog.getByRole('combobox', { name: 'Task' }).selectOption({ label: 'Chat' })
  await dialog.getByRole('combobox', { name: 'External model name' }).fill('claude-3-5-sonnet-latest')
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/2.0/serving-endpoints'))
  await createAndExpectDetails(page, 'e2e-claude')
  expect((await posted).postDataJSON().config.served_entities[0].external_model.anthropic_config).toEqual({
    anthropic_api_key_plaintext: 'sk-ant-e2e-secret',
  })
  await expect(page.locator('body')).not.toContainText('sk-ant-e2e-secret')
})

test('a failed create keeps every input and shows the server message', async ({ page }) => {
  await page.evaluate(() =>
    localStorage.setItem(
      'serving-console.mock',
      JSON.stringify({ latencyMs: 0, faults: [{ method: 'POST', path: '/api/2.0/serving-endpoints', status: 503, times: 1 }] }),
    ),
  )
  await page.getByRole('textbox', { name: 'Name' }).fill('e2e-retry')
  const dialog = await openDialog(page)
  await dialog.getByRole('combobox', { name: 'Model' }).selectOption('main.nlp.sentiment')
  await dialog.getByRole('combobox', { name: 'Version' }).selectOption({ label: 'Version 3' })
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await page.getByRole('button', { name: 'Create' }).click()
  await expect(page.getByRole('alert')).toContainText('Could not create the endpoint')
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('e2e-retry')
  await createAndExpectDetails(page, 'e2e-retry')
})
