// The Query dialog: code snippets to copy, and an answer that streams in, paced by the mock's latency.
import type { Locator, Page } from '@playwright/test'
import { expect, setControls, test } from './fixtures'
import { expectNoSeriousViolations } from './helpers'
import { DetailsPage } from './pages/details-page'

const CHAT = 'support-chat-gpt4o'
const FULL_ANSWER =
  'Here is a short answer from gpt-4o about "What is Databricks Model Serving?": it depends on your data, so start small, measure, and iterate.'

async function openQuery(page: Page, name: string): Promise<Locator> {
  const details = new DetailsPage(page)
  await details.goto(name)
  const dialog = await details.openQueryDialog()
  await expect(dialog.getByRole('textbox', { name: 'Request body' })).toBeVisible()
  return dialog
}

test('each code tab copies a snippet that names the endpoint and holds no token', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const dialog = await openQuery(page, CHAT)
  const expected: Record<string, string[]> = {
    curl: [`'${baseURL}/serving-endpoints/${CHAT}/invocations'`, '$DATABRICKS_TOKEN', '"messages"'],
    Python: [
      'from openai import OpenAI',
      `base_url="${baseURL}/serving-endpoints"`,
      `model="${CHAT}"`,
      'os.environ["DATABRICKS_TOKEN"]',
    ],
    SQL: [`ai_query(\n  '${CHAT}'`],
  }
  for (const [tab, parts] of Object.entries(expected)) {
    await dialog.getByRole('tab', { name: tab }).click()
    const panel = dialog.getByRole('tabpanel', { name: tab })
    await panel.getByRole('button', { name: 'Copy' }).click()
    await expect(panel.getByText('Copied')).toBeAttached()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied, `${tab} snippet`).toContain(CHAT)
    for (const part of parts) expect(copied, `${tab} snippet`).toContain(part)
    expect(copied, `${tab} snippet`).not.toMatch(/dapi|Bearer [A-Za-z0-9]/)
    await expect(panel.getByLabel(/code$/)).toHaveText(copied)
  }
  await expectNoSeriousViolations(page, 'the Query dialog on its SQL tab')
})

/** Moves the paused page clock on in steps of `stepMs` until `done`, noting each text the answer shows. */
async function stepUntil(page: Page, answer: Locator, done: (text: string) => boolean, stepMs = 500): Promise<string[]> {
  const seen: string[] = []
  const read = async () => ((await answer.count()) > 0 ? ((await answer.textContent()) ?? '') : '')
  for (let step = 0; step < 200; step++) {
    await page.clock.runFor(stepMs)
    // The chunk a step releases still crosses the service worker in real time: wait a moment for it,
    // so two steps' chunks are not read as one piece on a busy machine.
    const last = seen.at(-1) ?? ''
    await expect
      .poll(read, { timeout: 1_000 })
      .not.toBe(last)
      .catch(() => undefined)
    const text = await read()
    if (text !== '' && text !== seen.at(-1)) seen.push(text)
    if (done(text)) return seen
  }
  throw new Error(`the answer never got there; it showed ${JSON.stringify(seen)}`)
}

test('a streamed answer arrives in pieces as the mock clock moves, and Stop stops it', async ({ page }) => {
  await page.clock.install()
  const dialog = await openQuery(page, CHAT)
  await dialog.getByRole('checkbox', { name: 'Stream' }).check()
  // Each chunk waits latencyMs on the page's clock, paused here: only runFor moves the stream on (axe cannot run).
  await setControls(page, { latencyMs: 500 })
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000))
  await dialog.getByRole('button', { name: 'Send' }).click()
  const answer = dialog.getByLabel('Streamed answer')

  const pieces = await stepUntil(page, answer, (text) => text.split(' ').length >= 3)
  expect(pieces.length, `pieces seen: ${JSON.stringify(pieces)}`).toBeGreaterThanOrEqual(2)
  expect(FULL_ANSWER.startsWith(pieces.at(-1) ?? '-')).toBe(true)
  await expect(dialog.getByRole('status').filter({ hasText: 'Streaming…' })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeDisabled()

  await dialog.getByRole('button', { name: 'Stop' }).click()
  await expect(dialog.getByText('Stopped: the answer above is incomplete.')).toBeVisible()
  const kept = (await answer.textContent()) ?? ''
  await page.clock.runFor(20_000)
  await expect(answer).toHaveText(kept)
  expect(kept).not.toBe(FULL_ANSWER)
  await expect(dialog.getByRole('button', { name: 'Stop' })).toHaveCount(0)

  // Sent again, it runs to the end, in many pieces.
  await dialog.getByRole('button', { name: 'Send' }).click()
  const all = await stepUntil(page, answer, (text) => text === FULL_ANSWER)
  expect(all.length).toBeGreaterThan(5)
  // The last chunk (the finish reason) and [DONE] follow the last word.
  const finished = dialog.getByText('Finished.')
  for (let step = 0; step < 20 && (await finished.count()) === 0; step++) await page.clock.runFor(500)
  await expect(finished).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Send' })).toBeEnabled()
})

test('a streamed answer counts more than one update before it ends (MutationObserver)', async ({ page }) => {
  const dialog = await openQuery(page, CHAT)
  await dialog.getByRole('checkbox', { name: 'Stream' }).check()
  await setControls(page, { latencyMs: 30 })
  await page.evaluate(() => {
    const seen: string[] = []
    const observer = new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Streamed answer"]')?.textContent
      if (text && text !== seen.at(-1)) seen.push(text)
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    Object.assign(window, { streamedTexts: seen })
  })
  await dialog.getByRole('button', { name: 'Send' }).click()
  await expect(dialog.getByText('Finished.')).toBeVisible()
  const texts = await page.evaluate(() => (window as unknown as { streamedTexts: string[] }).streamedTexts)
  expect(texts.at(-1)).toBe(FULL_ANSWER)
  expect(texts.filter((t) => t !== FULL_ANSWER).length).toBeGreaterThanOrEqual(2)
  await expectNoSeriousViolations(page, 'the Query dialog with a streamed answer')
})
