// Resilience under failures, driven by the mock controls: what a person sees when a request fails,
// that nothing typed is lost, and that nothing is created twice.
import type { Locator, Page } from '@playwright/test'
import { ENDPOINTS, OWN_REQUEST_HEADER, api, detailPath, startUpdate } from './api'
import { expect, setControls, test, type MockControls } from './fixtures'
import { chooseUcModel } from './helpers'
import { DetailsPage } from './pages/details-page'
import { FormPage } from './pages/form-page'
import { ListPage } from './pages/list-page'

/** The fixture's fast mock, plus whatever a test changes. */
const FAST: MockControls = { latencyMs: 0, deployMs: 4000, updateMs: 4000 }
/** Requests the spec itself sends carry this header, so they are not counted as the app's. */

const msg500 = 'The serving service answered 500 (INTERNAL_ERROR). Try again.'
const msg503 = 'The serving service answered 503 (TEMPORARILY_UNAVAILABLE). Try again.'
const msgNetwork = 'Could not reach the server. Check your connection and try again.'

type Fault = NonNullable<MockControls['faults']>[number]

/** How many endpoints the server holds with this name. */
async function countNamed(page: Page, name: string): Promise<number> {
  const { status, json } = await api(page, 'GET', ENDPOINTS)
  expect(status).toBe(200)
  return ((json as { endpoints?: { name: string }[] }).endpoints ?? []).filter((e) => e.name === name).length
}

/** Counts the requests the app (not this spec) sends with this method to this exact path. */
function countAppRequests(page: Page, method: string, path: string) {
  const counter = { count: 0 }
  page.on('request', (request) => {
    if (request.method() !== method || new URL(request.url()).pathname !== path) return
    if (request.headers()[OWN_REQUEST_HEADER] !== undefined) return
    counter.count++
  })
  return counter
}

async function setFaults(page: Page, faults: Fault[], extra: MockControls = {}) {
  await setControls(page, { ...FAST, ...extra, faults })
}

/** Advances the page's fake clock a second at a time until the assertion holds. */
async function runClockUntil(page: Page, assertion: () => Promise<void>) {
  await expect(async () => {
    await page.clock.runFor(1000)
    await assertion()
  }).toPass({ timeout: 15_000, intervals: [50] })
}

// ---------------------------------------------------------------- create form

async function fillCreateForm(form: FormPage, name: string) {
  await form.gotoCreate()
  await form.nameField.fill(name)
  const dialog = await form.openEntityDialog()
  await chooseUcModel(dialog, 'main.nlp.sentiment', '3')
  await form.confirmEntity()
  await expect(dialog).toBeHidden()
  await form.addTag('team', 'ml')
}

async function expectCreateInputsKept(form: FormPage, name: string) {
  await expect(form.nameField).toHaveValue(name)
  await expect(form.entityButton()).toHaveAccessibleName('Entity main.nlp.sentiment · Version 3')
  await expect(form.tagKeys).toHaveValue('team')
  await expect(form.tagValues).toHaveValue('ml')
}

async function expectDetailsOf(page: Page, name: string) {
  const details = new DetailsPage(page)
  await expect(page).toHaveURL(new RegExp(`/ml/endpoints/${name}$`))
  await expect(details.heading(name)).toBeVisible()
}

test.describe('create form', () => {
  test('a 500 on create shows the server message, keeps every input, and a retry creates one endpoint', async ({ page }) => {
    const form = new FormPage(page)
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(form, 'e2e-fault-500')
    await setFaults(page, [{ method: 'POST', path: ENDPOINTS, status: 500, times: 1 }])

    await form.createButton.click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not create the endpoint')
    await expect(alert).toContainText(msg500)
    await expectCreateInputsKept(form, 'e2e-fault-500')
    await expect(page).toHaveURL(/\/ml\/endpoints\/create$/)
    expect(await countNamed(page, 'e2e-fault-500')).toBe(0)

    await form.createButton.click()
    await expectDetailsOf(page, 'e2e-fault-500')
    expect(await countNamed(page, 'e2e-fault-500')).toBe(1)
    expect(posts.count).toBe(2)
  })

  test('a dropped connection on create says so, keeps every input, and a retry creates one endpoint', async ({ page }) => {
    const form = new FormPage(page)
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(form, 'e2e-fault-net')
    await setFaults(page, [{ method: 'POST', path: ENDPOINTS, network: true, times: 1 }])

    await form.createButton.click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not create the endpoint')
    await expect(alert).toContainText(msgNetwork)
    await expectCreateInputsKept(form, 'e2e-fault-net')

    // The retry looks the name up first; it is not there, so the app posts again, once.
    const lookup = page.waitForRequest((r) => r.method() === 'GET' && new URL(r.url()).pathname === detailPath('e2e-fault-net'))
    await form.createButton.click()
    await lookup
    await expectDetailsOf(page, 'e2e-fault-net')
    expect(await countNamed(page, 'e2e-fault-net')).toBe(1)
    expect(posts.count).toBe(2)
  })

  test('when a dropped create did reach the server, the retry opens that endpoint instead of posting again', async ({ page }) => {
    const form = new FormPage(page)
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(form, 'e2e-fault-landed')
    await setFaults(page, [{ method: 'POST', path: ENDPOINTS, network: true, times: 1 }])
    await form.createButton.click()
    await expect(page.getByRole('alert')).toContainText(msgNetwork)

    // The request was applied but its answer was lost: the endpoint exists on the server.
    const landed = await api(page, 'POST', ENDPOINTS, {
      name: 'e2e-fault-landed',
      config: {
        served_entities: [
          {
            name: 'sentiment-3',
            entity_name: 'main.nlp.sentiment',
            entity_version: '3',
            workload_size: 'Small',
            scale_to_zero_enabled: true,
          },
        ],
      },
    })
    expect(landed.status).toBe(200)

    await form.createButton.click()
    await expectDetailsOf(page, 'e2e-fault-landed')
    expect(await countNamed(page, 'e2e-fault-landed')).toBe(1)
    expect(posts.count).toBe(1)
  })

  test('a slow create disables Create and shows progress until the endpoint arrives', async ({ page }) => {
    const form = new FormPage(page)
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(form, 'e2e-slow')
    await setControls(page, { ...FAST, latencyMs: 3000 })

    const create = form.createButton
    await create.click()

    await expect(create).toBeDisabled()
    await expect(page.getByRole('status').filter({ hasText: 'Creating…' })).toBeVisible()
    await expect(form.cancelButton).toBeDisabled()
    // Enter in a field while the request runs must not submit a second time.
    await form.nameField.press('Enter')
    await expectCreateInputsKept(form, 'e2e-slow')

    await expectDetailsOf(page, 'e2e-slow')
    await setControls(page, FAST)
    expect(await countNamed(page, 'e2e-slow')).toBe(1)
    expect(posts.count).toBe(1)
  })
})

// ---------------------------------------------------------------- edit form

const failures: { label: string; fault: Omit<Fault, 'method' | 'path'>; message: string }[] = [
  { label: 'a 500', fault: { status: 500, times: 1 }, message: msg500 },
  { label: 'a dropped connection', fault: { network: true, times: 1 }, message: msgNetwork },
]

test.describe('edit form', () => {
  for (const { label, fault, message } of failures) {
    test(`${label} on the config update shows why and keeps the new traffic split`, async ({ page }) => {
      const form = new FormPage(page)
      const details = new DetailsPage(page)
      const puts = countAppRequests(page, 'PUT', `${detailPath('churn-predictor')}/config`)
      await form.gotoEdit('churn-predictor')
      await expect(form.trafficFields).toHaveCount(2)
      await setFaults(page, [{ method: 'PUT', path: `${detailPath('churn-predictor')}/config`, ...fault }])
      await form.trafficFields.nth(0).fill('60')
      await form.trafficFields.nth(1).fill('40')

      await form.updateButton.click()

      const alert = page.getByRole('alert')
      await expect(alert).toContainText('Could not update the endpoint')
      await expect(alert).toContainText(message)
      await expect(form.trafficFields.nth(0)).toHaveValue('60')
      await expect(form.trafficFields.nth(1)).toHaveValue('40')
      await expect(form.updateButton).toBeEnabled()

      await form.updateButton.click()
      await expectDetailsOf(page, 'churn-predictor')
      await expect(details.pendingConfig).toContainText('60%')
      expect(puts.count).toBe(2)
    })

    test(`${label} on saving tags shows why and keeps the typed tag`, async ({ page }) => {
      const form = new FormPage(page)
      await form.gotoEdit('churn-predictor')
      await expect(form.trafficFields).toHaveCount(2)
      await setFaults(page, [{ method: 'PATCH', path: `${detailPath('churn-predictor')}/tags`, ...fault }])
      await form.addTag('reviewed', 'yes')

      await form.updateButton.click()

      const alert = page.getByRole('alert')
      await expect(alert).toContainText('Could not update the endpoint')
      await expect(alert).toContainText(message)
      await expect(form.tagKeys.last()).toHaveValue('reviewed')
      await expect(form.tagValues.last()).toHaveValue('yes')

      await form.updateButton.click()
      await expectDetailsOf(page, 'churn-predictor')
      await expect(page.getByRole('list', { name: 'Tags' })).toContainText('reviewed')
    })
  }

  test('config saved but tags failed: the message shows, the tag stays, and Update retries only the tags', async ({ page }) => {
    const form = new FormPage(page)
    const puts = countAppRequests(page, 'PUT', `${detailPath('churn-predictor')}/config`)
    const patches = countAppRequests(page, 'PATCH', `${detailPath('churn-predictor')}/tags`)
    await form.gotoEdit('churn-predictor')
    await expect(form.trafficFields).toHaveCount(2)
    await setFaults(page, [{ method: 'PATCH', path: `${detailPath('churn-predictor')}/tags`, status: 500, times: 1 }], {
      updateMs: 600_000,
    })
    await form.trafficFields.nth(0).fill('60')
    await form.trafficFields.nth(1).fill('40')
    await form.addTagButton.click()
    await form.tagKeys.last().fill('reviewed')

    await form.updateButton.click()

    await expect(page.getByRole('alert')).toContainText('The served entities were saved; the tags were not.')
    await expect(page.getByRole('alert')).toContainText(msg500)
    await expect(form.tagKeys.last()).toHaveValue('reviewed')
    await expect(form.trafficFields.nth(0)).toHaveValue('60')
    // The update in progress is this form's own: it does not lock the retry.
    await expect(page.getByText('Cannot edit endpoint when pending update is in progress.')).toHaveCount(0)
    await form.updateButton.click()
    await expectDetailsOf(page, 'churn-predictor')
    await expect(page.getByRole('list', { name: 'Tags' })).toContainText('reviewed')
    expect(puts.count).toBe(1)
    expect(patches.count).toBe(2)
  })

  test('an endpoint deleted elsewhere while its edit form is open: Update explains, input kept', async ({ page }) => {
    const form = new FormPage(page)
    await form.gotoEdit('churn-predictor')
    await expect(form.trafficFields).toHaveCount(2)
    await form.trafficFields.nth(0).fill('60')
    await form.trafficFields.nth(1).fill('40')
    expect((await api(page, 'DELETE', detailPath('churn-predictor'))).status).toBe(200)

    await form.updateButton.click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not update the endpoint')
    await expect(alert).toContainText("Serving endpoint with name 'churn-predictor' does not exist.")
    await expect(form.trafficFields.nth(0)).toHaveValue('60')
    await expect(form.trafficFields.nth(1)).toHaveValue('40')
    await expect(form.editHeading).toBeVisible()
    expect(await countNamed(page, 'churn-predictor')).toBe(0)
  })

  test('a config update started elsewhere while the form is open: the 409 is shown at the form, input kept', async ({ page }) => {
    const form = new FormPage(page)
    await form.gotoEdit('churn-predictor')
    await expect(form.trafficFields).toHaveCount(2)
    await setControls(page, { ...FAST, updateMs: 600_000 })
    await startUpdate(page, 'churn-predictor')

    await form.trafficFields.nth(0).fill('60')
    await form.trafficFields.nth(1).fill('40')
    await form.updateButton.click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not update the endpoint')
    await expect(alert).toContainText("Endpoint 'churn-predictor' is currently updating")
    await expect(form.trafficFields.nth(0)).toHaveValue('60')
    await expect(form.trafficFields.nth(1)).toHaveValue('40')
    await expect(page).toHaveURL(/\/churn-predictor\/edit$/)
    // The other update is the one in progress; ours was not applied.
    const { json } = await api(page, 'GET', detailPath('churn-predictor'))
    expect(
      (json as { pending_config?: { served_entities: { workload_size?: string }[] } }).pending_config?.served_entities,
    ).toEqual([expect.objectContaining({ workload_size: 'Large' })])
  })
})

// ---------------------------------------------------------------- details page

const notice = (page: Page, text: string | RegExp): Locator => page.getByRole('status').filter({ hasText: text })

test.describe('details page', () => {
  for (const { label, fault, message } of failures) {
    test(`${label} on Cancel update rolls the optimistic change back and explains`, async ({ page }) => {
      const details = new DetailsPage(page)
      await page.goto('/ml/endpoints/recsys-ranker')
      await expect(details.state).toContainText('Update in progress')
      // Slow enough to see the optimistic state before the failure arrives.
      await setFaults(page, [{ method: 'POST', path: `${detailPath('recsys-ranker')}/config/cancel`, ...fault }], {
        latencyMs: 1500,
      })

      await details.cancelUpdateButton.click()
      await expect(details.state).toContainText('Update canceled')
      await expect(details.pendingConfig).toHaveCount(0)

      await expect(notice(page, `Couldn't cancel the update: ${message}`)).toBeVisible()
      await expect(details.state).toContainText('Update in progress')
      await expect(details.state).not.toContainText('Update canceled')
      await expect(details.pendingConfig).toBeVisible()
      await expect(details.cancelUpdateButton).toBeEnabled()
      await setControls(page, FAST)
      const { json } = await api(page, 'GET', detailPath('recsys-ranker'))
      expect((json as { state: { config_update: string } }).state.config_update).toBe('IN_PROGRESS')
    })
  }

  test('a failed Save tag keeps the typed tag through later polls, and a retry saves it once', async ({ page }) => {
    const details = new DetailsPage(page)
    await page.goto('/ml/endpoints/recsys-ranker')
    await expect(details.state).toContainText('Update in progress')
    await setFaults(page, [{ method: 'PATCH', path: `${detailPath('recsys-ranker')}/tags`, status: 500, times: 1 }])
    const side = page.getByRole('complementary', { name: 'Endpoint information' })
    await side.getByRole('button', { name: 'Add tag' }).click()
    const tagForm = side.getByRole('form', { name: 'Add tag' })
    await tagForm.getByRole('textbox', { name: 'Key', exact: true }).fill('owner')
    await tagForm.getByRole('textbox', { name: /^Value/ }).fill('ranking-team')

    await tagForm.getByRole('button', { name: 'Save tag' }).click()

    const alert = tagForm.getByRole('alert')
    await expect(alert).toContainText('The tag was not saved')
    await expect(alert).toContainText(msg500)
    // The page keeps polling (an update is in progress); what was typed survives the refresh.
    await page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === detailPath('recsys-ranker'))
    await expect(tagForm.getByRole('textbox', { name: 'Key', exact: true })).toHaveValue('owner')
    await expect(tagForm.getByRole('textbox', { name: /^Value/ })).toHaveValue('ranking-team')

    await tagForm.getByRole('button', { name: 'Save tag' }).click()
    await expect(notice(page, 'Tag owner saved.')).toBeVisible()
    await expect(side.getByRole('list', { name: 'Tags' }).getByText('owner: ranking-team')).toHaveCount(1)
  })

  test('a first load that keeps failing offers Retry, which recovers', async ({ page }) => {
    const details = new DetailsPage(page)
    const list = new ListPage(page)
    await page.goto('/ml/endpoints')
    await setFaults(page, [{ method: 'GET', path: detailPath('churn-predictor'), status: 503, times: 3 }])
    await list.link('churn-predictor').click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText("Couldn't load this endpoint")
    await expect(alert).toContainText(msg503)
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(details.activeConfig).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('a 500 on Delete keeps the dialog open with the reason, and the endpoint stays', async ({ page }) => {
    const details = new DetailsPage(page)
    await page.goto('/ml/endpoints/churn-predictor')
    await expect(details.heading('churn-predictor')).toBeVisible()
    await setFaults(page, [{ method: 'DELETE', path: detailPath('churn-predictor'), status: 500, times: 1 }])

    await details.deleteButton.click()
    const dialog = page.getByRole('alertdialog', { name: 'Delete serving endpoint' })
    await dialog.getByRole('button', { name: 'Delete' }).click()

    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('The endpoint was not deleted')
    await expect(alert).toContainText(msg500)
    await expect(dialog).toBeVisible()
    expect((await api(page, 'GET', detailPath('churn-predictor'))).status).toBe(200)

    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(page).toHaveURL(/\/ml\/endpoints\/churn-predictor$/)
    await expect(details.heading('churn-predictor')).toBeVisible()
    await expect(details.activeConfig).toBeVisible()
  })

  test('a dropped connection on Delete says so, keeps the dialog open, and the endpoint stays', async ({ page }) => {
    const details = new DetailsPage(page)
    await page.goto('/ml/endpoints/churn-predictor')
    await expect(details.heading('churn-predictor')).toBeVisible()
    await setFaults(page, [{ method: 'DELETE', path: detailPath('churn-predictor'), network: true, times: 1 }])

    await details.deleteButton.click()
    const dialog = page.getByRole('alertdialog', { name: 'Delete serving endpoint' })
    await dialog.getByRole('button', { name: 'Delete' }).click()

    const alert = dialog.getByRole('alert')
    await expect(alert).toContainText('The endpoint was not deleted')
    await expect(alert).toContainText(msgNetwork)
    expect((await api(page, 'GET', detailPath('churn-predictor'))).status).toBe(200)
    // Retrying once the connection is back deletes it.
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect(page).toHaveURL(/\/ml\/endpoints$/)
    expect((await api(page, 'GET', detailPath('churn-predictor'))).status).toBe(404)
  })

  test('Cancel update after the update already finished explains instead of crashing', async ({ page }) => {
    const details = new DetailsPage(page)
    const list = new ListPage(page)
    await page.clock.install()
    await page.goto('/ml/endpoints')
    await expect(list.heading).toBeVisible()
    await setControls(page, { ...FAST, updateMs: 600_000 })
    await startUpdate(page, 'churn-predictor')
    await page.getByRole('link', { name: 'churn-predictor' }).click()
    await expect(details.state).toContainText('Update in progress')

    // The update finishes on the server before the page's next poll: freeze timers, move the date.
    const now = await page.evaluate(() => Date.now())
    await page.clock.pauseAt(now + 500)
    await page.clock.setSystemTime(now + 700_000)
    await details.cancelUpdateButton.click()

    await runClockUntil(page, () =>
      expect(notice(page, 'The update finished before it could be canceled.')).toBeVisible({ timeout: 200 }),
    )
    await runClockUntil(page, () => expect(details.activeConfig).toContainText('CPU · Large', { timeout: 200 }))
    await expect(details.state).not.toContainText('Update in progress')
    await expect(details.state).not.toContainText('Update canceled')
    await expect(details.cancelUpdateButton).toHaveCount(0)
    await expect(details.pendingConfig).toHaveCount(0)
    await expect(details.heading('churn-predictor')).toBeVisible()
  })

  test('an endpoint deleted while its page is open shows Endpoint not found with a way back', async ({ page }) => {
    const details = new DetailsPage(page)
    const list = new ListPage(page)
    await page.goto('/ml/endpoints/recsys-ranker')
    await expect(details.state).toContainText('Update in progress')

    expect((await api(page, 'DELETE', detailPath('recsys-ranker'))).status).toBe(200)

    // The next poll (every 2 s while an update runs) finds it gone.
    await expect(details.heading('Endpoint not found')).toBeVisible()
    await expect(page.getByText('It may have been deleted.')).toBeVisible()
    await page.getByRole('link', { name: 'Go to Serving endpoints' }).click()
    await expect(page).toHaveURL(/\/ml\/endpoints$/)
    const table = list.table
    await expect(table.getByRole('link', { name: 'churn-predictor' })).toBeVisible()
    await expect(table.getByRole('link', { name: 'recsys-ranker' })).toHaveCount(0)
  })
})

// ---------------------------------------------------------------- polling errors

test.describe('polling errors', () => {
  test('the details page keeps the last data with a notice while refreshes fail, then recovers', async ({ page }) => {
    const details = new DetailsPage(page)
    await page.clock.install()
    await page.goto('/ml/endpoints/recsys-ranker')
    await expect(details.pendingConfig).toBeVisible()
    await setFaults(page, [{ method: 'GET', path: detailPath('recsys-ranker'), status: 503, times: 100 }])

    const refresh = notice(page, "Couldn't refresh")
    await runClockUntil(page, () => expect(refresh).toBeVisible({ timeout: 200 }))
    await expect(refresh).toContainText(msg503)
    await expect(refresh.getByRole('button', { name: 'Retry now' })).toBeVisible()
    await expect(details.heading('recsys-ranker')).toBeVisible()
    await expect(details.state).toContainText('Update in progress')
    await expect(details.pendingConfig).toBeVisible()
    await expect(details.activeConfig).toBeVisible()
    await expect(page.getByText("Couldn't load this endpoint")).toHaveCount(0)

    await setControls(page, FAST)
    await runClockUntil(page, () => expect(refresh).toHaveCount(0, { timeout: 200 }))
    await expect(details.state).toContainText('Update in progress')
    await expect(details.pendingConfig).toBeVisible()
  })

  test('the list keeps its rows with a notice while refreshes fail, then recovers', async ({ page }) => {
    const list = new ListPage(page)
    await page.clock.install()
    await page.goto('/ml/endpoints')
    const table = list.table
    await expect(table.getByRole('link', { name: 'recsys-ranker' })).toBeVisible()
    const filter = list.filterBox
    await filter.fill('r')
    await setFaults(page, [{ method: 'GET', path: ENDPOINTS, status: 503, times: 100 }])

    const refresh = page.getByRole('status').filter({ hasText: 'Could not refresh the list' })
    await runClockUntil(page, () => expect(refresh).toBeVisible({ timeout: 200 }))
    await expect(refresh).toContainText(msg503)
    await expect(refresh).toContainText('The endpoints below may be out of date.')
    await expect(table.getByRole('link', { name: 'churn-predictor' })).toBeVisible()
    await expect(table.getByRole('link', { name: 'recsys-ranker' })).toBeVisible()
    await expect(page.getByText('Could not load serving endpoints')).toHaveCount(0)
    await expect(filter).toHaveValue('r')

    await setControls(page, FAST)
    await runClockUntil(page, () => expect(refresh).toHaveCount(0, { timeout: 200 }))
    await expect(table.getByRole('link', { name: 'recsys-ranker' })).toBeVisible()
    await expect(filter).toHaveValue('r')
  })
})
