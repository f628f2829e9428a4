// The AI Gateway: edited from the details panel, enforced when the endpoint is queried (rate limits on
// the mock clock, PII guardrails), and checked with axe.
import type { Locator, Page } from '@playwright/test'
import { expect, mockReady, test } from './fixtures'
import { expectNoSeriousViolations } from './helpers'
import { DetailsPage } from './pages/details-page'

const NAME = 'llama-pt-finance'

interface Answer {
  status: number
  body: { error_code?: string; message?: string; choices?: { message: { content: string } }[] }
}

/** Queries the endpoint from the page, as a script in the browser would. */
async function query(page: Page, content: string): Promise<Answer> {
  await mockReady(page)
  return page.evaluate(
    async ([name, text]) => {
      const response = await fetch(`/serving-endpoints/${name}/invocations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: text }] }),
      })
      return { status: response.status, body: await response.json() }
    },
    [NAME, content] as const,
  )
}

async function openGatewayDialog(page: Page): Promise<Locator> {
  await page.getByRole('region', { name: 'AI Gateway' }).getByRole('button', { name: 'Edit AI Gateway' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit AI Gateway' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function save(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('region', { name: 'AI Gateway' }).getByRole('button', { name: 'Edit AI Gateway' })).toBeFocused()
}

async function setPii(page: Page, side: 'Input' | 'Output', behavior: 'None' | 'Block' | 'Mask'): Promise<void> {
  const dialog = await openGatewayDialog(page)
  await dialog
    .getByRole('group', { name: `${side} guardrails` })
    .getByRole('combobox', { name: 'PII' })
    .selectOption({ label: behavior })
  await save(page, dialog)
}

test('a 2-calls-per-minute limit: the third query answers 429, and a minute later the endpoint answers again', async ({
  page,
}) => {
  await page.clock.install()
  const details = new DetailsPage(page)
  await details.goto(NAME)
  const dialog = await openGatewayDialog(page)
  await dialog.getByRole('button', { name: 'Add rate limit' }).click()
  await dialog.getByRole('textbox', { name: 'Calls per minute' }).fill('2')
  await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'Per endpoint' })
  await save(page, dialog)
  await expect(page.getByRole('region', { name: 'Rate limits' })).toContainText('2 calls per minute for the endpoint')

  expect((await query(page, 'one')).status).toBe(200)
  expect((await query(page, 'two')).status).toBe(200)
  const third = await query(page, 'three')
  expect(third.status).toBe(429)
  expect(third.body.error_code).toBe('REQUEST_LIMIT_EXCEEDED')
  expect(third.body.message).toMatch(
    new RegExp(
      `^Rate limit exceeded on endpoint '${NAME}': 2 calls per minute for the endpoint\\. Try again in \\d+ seconds?\\.$`,
    ),
  )

  // The same refusal in the Query dialog reads as a sentence, not a code.
  await details.queryButton.click()
  const queryDialog = page.getByRole('dialog', { name: 'Query endpoint' })
  await queryDialog.getByRole('button', { name: 'Send' }).click()
  await expect(queryDialog.getByRole('alert')).toContainText(`Rate limit exceeded on endpoint '${NAME}': 2 calls per minute`)
  await page.keyboard.press('Escape')
  await expect(queryDialog).toBeHidden()

  await page.clock.runFor(60_000)
  const later = await query(page, 'four')
  expect(later.status).toBe(200)
  expect(later.body.choices?.[0].message.content).toContain('four')
})

test('PII: Block refuses a request with an e-mail address; Mask hides it in the answer', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto(NAME)
  await setPii(page, 'Input', 'Block')
  await expect(page.getByRole('region', { name: 'AI Gateway' })).toContainText('PII blocked')
  const blocked = await query(page, 'Please e-mail jane.doe@example.com the report')
  expect(blocked.status).toBe(400)
  expect(blocked.body.message).toBe(
    "The request was blocked by the AI Gateway input guardrail 'pii': it contains personal information (an e-mail address).",
  )

  await setPii(page, 'Input', 'None')
  await setPii(page, 'Output', 'Mask')
  const masked = await query(page, 'Please e-mail jane.doe@example.com the report')
  expect(masked.status).toBe(200)
  const answer = masked.body.choices?.[0].message.content ?? ''
  expect(answer).toContain('Please e-mail [REDACTED] the report')
  expect(answer).not.toContain('jane.doe@example.com')
})

test('edits the whole gateway from the details panel and finds it after a reload', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto(NAME)
  let dialog = await openGatewayDialog(page)
  await dialog.getByRole('button', { name: 'Add rate limit' }).click()
  await dialog.getByRole('textbox', { name: 'Tokens per minute' }).fill('5000')
  await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'Per service principal' })
  await dialog.getByRole('button', { name: 'Save' }).click()
  // Checked before sending: the service principal's application ID is missing.
  await expect(dialog.getByRole('textbox', { name: 'Service principal' })).toHaveAttribute('aria-invalid', 'true')
  await dialog.getByRole('textbox', { name: 'Service principal' }).fill('6d0c1a5e-app')
  await dialog.getByRole('checkbox', { name: 'Enable usage tracking' }).check()
  await dialog.getByRole('checkbox', { name: 'Enable inference tables' }).check()
  await dialog.getByRole('textbox', { name: 'Catalog' }).fill('main')
  await dialog.getByRole('textbox', { name: 'Schema' }).fill('serving_logs')
  const input = dialog.getByRole('group', { name: 'Input guardrails' })
  await input.getByRole('checkbox', { name: 'Safety' }).check()
  await input.getByRole('textbox', { name: /^Invalid keywords/ }).fill('project falcon')
  await dialog.getByRole('checkbox', { name: 'Enable fallbacks' }).check()
  await save(page, dialog)

  await page.reload()
  await expect(details.heading(NAME)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Rate limits' })).toContainText(
    '5000 tokens per minute per service principal 6d0c1a5e-app',
  )
  const panel = page.getByRole('region', { name: 'AI Gateway' })
  await expect(panel).toContainText('main.serving_logs')
  await expect(panel).toContainText('safety filter, 1 blocked keyword(s)')
  dialog = await openGatewayDialog(page)
  await expect(dialog.getByRole('textbox', { name: 'Service principal' })).toHaveValue('6d0c1a5e-app')
  await expect(dialog.getByRole('checkbox', { name: 'Enable fallbacks' })).toBeChecked()

  const refused = await query(page, 'Tell me about Project Falcon')
  expect(refused.status).toBe(400)
  expect(refused.body.message).toContain("input guardrail 'invalid_keywords'")
})

test('the AI Gateway dialog has no serious axe violation, in light and dark mode, with errors shown', async ({ page }) => {
  test.slow()
  const details = new DetailsPage(page)
  await details.goto(NAME)
  const dialog = await openGatewayDialog(page)
  await dialog.getByRole('checkbox', { name: 'Enable inference tables' }).check()
  await dialog.getByRole('button', { name: 'Add rate limit' }).click()
  await dialog.getByRole('combobox', { name: 'Key' }).selectOption({ label: 'Per user group' })
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('textbox', { name: 'User group' })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousViolations(page, 'the AI Gateway dialog (light)', '[role="dialog"]')
  await page.screenshot({ path: 'test-results/gateway-dialog-light.png' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoSeriousViolations(page, 'the AI Gateway dialog (dark)', '[role="dialog"]')
  await page.screenshot({ path: 'test-results/gateway-dialog-dark.png' })
})
