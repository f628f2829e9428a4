// Resilience under failures, driven by the mock controls: what a person sees when a request fails,
// that nothing typed is lost, and that nothing is created twice.
import type { Locator, Page } from '@playwright/test'
import { expect, mockReady, setControls, test, type MockControls } from './fixtures'

const ENDPOINTS = '/api/2.0/serving-endpoints'
const detailPath = (name: string) => `${ENDPOINTS}/${name}`
/** The fixture's fast mock, plus whatever a test changes. */
const FAST: MockControls = { latencyMs: 0, deployMs: 4000, updateMs: 4000 }
/** Requests the spec itself sends carry this header, so they are not counted as the app's. */
const OWN = 'x-e2e-own'

const msg500 = 'The serving service answered 500 (INTERNAL_ERROR). Try again.'
const msg503 = 'The serving service answered 503 (TEMPORARILY_UNAVAILABLE). Try again.'
const msgNetwork = 'Could not reach the server. Check your connection and try again.'

type Fault = NonNullable<MockControls['faults']>[number]

/** One REST call from inside the page (through the mock), as a script or another person would. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  await mockReady(page)
  return page.evaluate(
    async ([m, p, json, header]) => {
      const response = await fetch(p, {
        method: m,
        headers: { 'Content-Type': 'application/json', [header]: '1' },
        body: json === undefined ? undefined : json,
      })
      const text = await response.text()
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
    },
    [method, path, body === undefined ? undefined : JSON.stringify(body), OWN] as const,
  )
}

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
    if (request.headers()[OWN] !== undefined) return
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

const entityButton = (page: Page) => page.getByRole('button', { name: /^Entity/ }).first()

async function fillCreateForm(page: Page, name: string) {
  await page.goto('/ml/endpoints/create')
  await page.getByRole('textbox', { name: 'Name' }).fill(name)
  await entityButton(page).click()
  const dialog = page.getByRole('dialog', { name: 'Select served entity' })
  await dialog.getByRole('combobox', { name: 'Model' }).selectOption('main.nlp.sentiment')
  await dialog.getByRole('combobox', { name: 'Version' }).selectOption({ label: 'Version 3' })
  await dialog.getByRole('button', { name: 'Confirm' }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Add tag' }).click()
  await page.getByRole('textbox', { name: 'Key', exact: true }).fill('team')
  await page.getByRole('textbox', { name: /^Value/ }).fill('ml')
}

async function expectCreateInputsKept(page: Page, name: string) {
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(name)
  await expect(entityButton(page)).toHaveAccessibleName('Entity main.nlp.sentiment · Version 3')
  await expect(page.getByRole('textbox', { name: 'Key', exact: true })).toHaveValue('team')
  await expect(page.getByRole('textbox', { name: /^Value/ })).toHaveValue('ml')
}

async function expectDetailsOf(page: Page, name: string) {
  await expect(page).toHaveURL(new RegExp(`/ml/endpoints/${name}$`))
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

test.describe('create form', () => {
  test('a 500 on create shows the server message, keeps every input, and a retry creates one endpoint', async ({ page }) => {
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(page, 'e2e-fault-500')
    await setFaults(page, [{ method: 'POST', path: ENDPOINTS, status: 500, times: 1 }])

    await page.getByRole('button', { name: 'Create' }).click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not create the endpoint')
    await expect(alert).toContainText(msg500)
    await expectCreateInputsKept(page, 'e2e-fault-500')
    await expect(page).toHaveURL(/\/ml\/endpoints\/create$/)
    expect(await countNamed(page, 'e2e-fault-500')).toBe(0)

    await page.getByRole('button', { name: 'Create' }).click()
    await expectDetailsOf(page, 'e2e-fault-500')
    expect(await countNamed(page, 'e2e-fault-500')).toBe(1)
    expect(posts.count).toBe(2)
  })

  test('a dropped connection on create says so, keeps every input, and a retry creates one endpoint', async ({ page }) => {
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(page, 'e2e-fault-net')
    await setFaults(page, [{ method: 'POST', path: ENDPOINTS, network: true, times: 1 }])

    await page.getByRole('button', { name: 'Create' }).click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not create the endpoint')
    await expect(alert).toContainText(msgNetwork)
    await expectCreateInputsKept(page, 'e2e-fault-net')

    // The retry looks the name up first; it is not there, so the app posts again, once.
    const lookup = page.waitForRequest((r) => r.method() === 'GET' && new URL(r.url()).pathname === detailPath('e2e-fault-net'))
    await page.getByRole('button', { name: 'Create' }).click()
    await lookup
    await expectDetailsOf(page, 'e2e-fault-net')
    expect(await countNamed(page, 'e2e-fault-net')).toBe(1)
    expect(posts.count).toBe(2)
  })

  test('when a dropped create did reach the server, the retry opens that endpoint instead of posting again', async ({ page }) => {
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(page, 'e2e-fault-landed')
    await setFaults(page, [{ method: 'POST', path: ENDPOINTS, network: true, times: 1 }])
    await page.getByRole('button', { name: 'Create' }).click()
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

    await page.getByRole('button', { name: 'Create' }).click()
    await expectDetailsOf(page, 'e2e-fault-landed')
    expect(await countNamed(page, 'e2e-fault-landed')).toBe(1)
    expect(posts.count).toBe(1)
  })

  test('a slow create disables Create and shows progress until the endpoint arrives', async ({ page }) => {
    const posts = countAppRequests(page, 'POST', ENDPOINTS)
    await fillCreateForm(page, 'e2e-slow')
    await setControls(page, { ...FAST, latencyMs: 3000 })

    const create = page.getByRole('button', { name: 'Create' })
    await create.click()

    await expect(create).toBeDisabled()
    await expect(page.getByRole('status').filter({ hasText: 'Creating…' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeDisabled()
    // Enter in a field while the request runs must not submit a second time.
    await page.getByRole('textbox', { name: 'Name' }).press('Enter')
    await expectCreateInputsKept(page, 'e2e-slow')

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
  const traffic = (page: Page) => page.getByRole('textbox', { name: 'Traffic (%)' })

  for (const { label, fault, message } of failures) {
    test(`${label} on the config update shows why and keeps the new traffic split`, async ({ page }) => {
      const puts = countAppRequests(page, 'PUT', `${detailPath('churn-predictor')}/config`)
      await page.goto('/ml/endpoints/churn-predictor/edit')
      await expect(traffic(page)).toHaveCount(2)
      await setFaults(page, [{ method: 'PUT', path: `${detailPath('churn-predictor')}/config`, ...fault }])
      await traffic(page).nth(0).fill('60')
      await traffic(page).nth(1).fill('40')

      await page.getByRole('button', { name: 'Update' }).click()

      const alert = page.getByRole('alert')
      await expect(alert).toContainText('Could not update the endpoint')
      await expect(alert).toContainText(message)
      await expect(traffic(page).nth(0)).toHaveValue('60')
      await expect(traffic(page).nth(1)).toHaveValue('40')
      await expect(page.getByRole('button', { name: 'Update' })).toBeEnabled()

      await page.getByRole('button', { name: 'Update' }).click()
      await expectDetailsOf(page, 'churn-predictor')
      await expect(page.getByRole('table', { name: 'Pending configuration' })).toContainText('60%')
      expect(puts.count).toBe(2)
    })

    test(`${label} on saving tags shows why and keeps the typed tag`, async ({ page }) => {
      await page.goto('/ml/endpoints/churn-predictor/edit')
      await expect(traffic(page)).toHaveCount(2)
      await setFaults(page, [{ method: 'PATCH', path: `${detailPath('churn-predictor')}/tags`, ...fault }])
      await page.getByRole('button', { name: 'Add tag' }).click()
      await page.getByRole('textbox', { name: 'Key', exact: true }).last().fill('reviewed')
      await page
        .getByRole('textbox', { name: /^Value/ })
        .last()
        .fill('yes')

      await page.getByRole('button', { name: 'Update' }).click()

      const alert = page.getByRole('alert')
      await expect(alert).toContainText('Could not update the endpoint')
      await expect(alert).toContainText(message)
      await expect(page.getByRole('textbox', { name: 'Key', exact: true }).last()).toHaveValue('reviewed')
      await expect(page.getByRole('textbox', { name: /^Value/ }).last()).toHaveValue('yes')

      await page.getByRole('button', { name: 'Update' }).click()
      await expectDetailsOf(page, 'churn-predictor')
      await expect(page.getByRole('list', { name: 'Tags' })).toContainText('reviewed')
    })
  }

  test('config saved but tags failed: the message shows, the tag stays, and Update retries only the tags', async ({ page }) => {
    const puts = countAppRequests(page, 'PUT', `${detailPath('churn-predictor')}/config`)
    const patches = countAppRequests(page, 'PATCH', `${detailPath('churn-predictor')}/tags`)
    await page.goto('/ml/endpoints/churn-predictor/edit')
    await expect(traffic(page)).toHaveCount(2)
    await setFaults(page, [{ method: 'PATCH', path: `${detailPath('churn-predictor')}/tags`, status: 500, times: 1 }], {
      updateMs: 600_000,
    })
    await traffic(page).nth(0).fill('60')
    await traffic(page).nth(1).fill('40')
    await page.getByRole('button', { name: 'Add tag' }).click()
    await page.getByRole('textbox', { name: 'Key', exact: true }).last().fill('reviewed')

    await page.getByRole('button', { name: 'Update' }).click()

    await expect(page.getByRole('alert')).toContainText('The served entities were saved; the tags were not.')
    await expect(page.getByRole('alert')).toContainText(msg500)
    await expect(page.getByRole('textbox', { name: 'Key', exact: true }).last()).toHaveValue('reviewed')
    await expect(traffic(page).nth(0)).toHaveValue('60')
    // The update in progress is this form's own: it does not lock the retry.
    await expect(page.getByText('Cannot edit endpoint when pending update is in progress.')).toHaveCount(0)
    await page.getByRole('button', { name: 'Update' }).click()
    await expectDetailsOf(page, 'churn-predictor')
    await expect(page.getByRole('list', { name: 'Tags' })).toContainText('reviewed')
    expect(puts.count).toBe(1)
    expect(patches.count).toBe(2)
  })

  test('an endpoint deleted elsewhere while its edit form is open: Update explains, input kept', async ({ page }) => {
    await page.goto('/ml/endpoints/churn-predictor/edit')
    await expect(traffic(page)).toHaveCount(2)
    await traffic(page).nth(0).fill('60')
    await traffic(page).nth(1).fill('40')
    expect((await api(page, 'DELETE', detailPath('churn-predictor'))).status).toBe(200)

    await page.getByRole('button', { name: 'Update' }).click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not update the endpoint')
    await expect(alert).toContainText("Serving endpoint with name 'churn-predictor' does not exist.")
    await expect(traffic(page).nth(0)).toHaveValue('60')
    await expect(traffic(page).nth(1)).toHaveValue('40')
    await expect(page.getByRole('heading', { level: 1, name: 'Edit serving endpoint' })).toBeVisible()
    expect(await countNamed(page, 'churn-predictor')).toBe(0)
  })

  test('a config update started elsewhere while the form is open: the 409 is shown at the form, input kept', async ({ page }) => {
    await page.goto('/ml/endpoints/churn-predictor/edit')
    await expect(traffic(page)).toHaveCount(2)
    await setControls(page, { ...FAST, updateMs: 600_000 })
    const started = await api(page, 'PUT', `${detailPath('churn-predictor')}/config`, {
      served_entities: [
        {
          name: 'churn_model-4',
          entity_name: 'main.default.churn_model',
          entity_version: '4',
          workload_size: 'Large',
          scale_to_zero_enabled: false,
        },
      ],
    })
    expect(started.status).toBe(200)

    await traffic(page).nth(0).fill('60')
    await traffic(page).nth(1).fill('40')
    await page.getByRole('button', { name: 'Update' }).click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText('Could not update the endpoint')
    await expect(alert).toContainText("Endpoint 'churn-predictor' is currently updating")
    await expect(traffic(page).nth(0)).toHaveValue('60')
    await expect(traffic(page).nth(1)).toHaveValue('40')
    await expect(page).toHaveURL(/\/churn-predictor\/edit$/)
    // The other update is the one in progress; ours was not applied.
    const { json } = await api(page, 'GET', detailPath('churn-predictor'))
    expect(
      (json as { pending_config?: { served_entities: { workload_size?: string }[] } }).pending_config?.served_entities,
    ).toEqual([expect.objectContaining({ workload_size: 'Large' })])
  })
})

// ---------------------------------------------------------------- details page

const stateOf = (page: Page) => page.getByRole('group', { name: 'Serving endpoint state' })
const notice = (page: Page, text: string | RegExp): Locator => page.getByRole('status').filter({ hasText: text })

test.describe('details page', () => {
  for (const { label, fault, message } of failures) {
    test(`${label} on Cancel update rolls the optimistic change back and explains`, async ({ page }) => {
      await page.goto('/ml/endpoints/recsys-ranker')
      await expect(stateOf(page)).toContainText('Update in progress')
      // Slow enough to see the optimistic state before the failure arrives.
      await setFaults(page, [{ method: 'POST', path: `${detailPath('recsys-ranker')}/config/cancel`, ...fault }], {
        latencyMs: 1500,
      })

      await page.getByRole('button', { name: 'Cancel update' }).click()
      await expect(stateOf(page)).toContainText('Update canceled')
      await expect(page.getByRole('table', { name: 'Pending configuration' })).toHaveCount(0)

      await expect(notice(page, `Couldn't cancel the update: ${message}`)).toBeVisible()
      await expect(stateOf(page)).toContainText('Update in progress')
      await expect(stateOf(page)).not.toContainText('Update canceled')
      await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Cancel update' })).toBeEnabled()
      await setControls(page, FAST)
      const { json } = await api(page, 'GET', detailPath('recsys-ranker'))
      expect((json as { state: { config_update: string } }).state.config_update).toBe('IN_PROGRESS')
    })
  }

  test('a failed Save tag keeps the typed tag through later polls, and a retry saves it once', async ({ page }) => {
    await page.goto('/ml/endpoints/recsys-ranker')
    await expect(stateOf(page)).toContainText('Update in progress')
    await setFaults(page, [{ method: 'PATCH', path: `${detailPath('recsys-ranker')}/tags`, status: 500, times: 1 }])
    const side = page.getByRole('complementary', { name: 'Endpoint information' })
    await side.getByRole('button', { name: 'Add tag' }).click()
    const form = side.getByRole('form', { name: 'Add tag' })
    await form.getByRole('textbox', { name: 'Key', exact: true }).fill('owner')
    await form.getByRole('textbox', { name: /^Value/ }).fill('ranking-team')

    await form.getByRole('button', { name: 'Save tag' }).click()

    const alert = form.getByRole('alert')
    await expect(alert).toContainText('The tag was not saved')
    await expect(alert).toContainText(msg500)
    // The page keeps polling (an update is in progress); what was typed survives the refresh.
    await page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === detailPath('recsys-ranker'))
    await expect(form.getByRole('textbox', { name: 'Key', exact: true })).toHaveValue('owner')
    await expect(form.getByRole('textbox', { name: /^Value/ })).toHaveValue('ranking-team')

    await form.getByRole('button', { name: 'Save tag' }).click()
    await expect(notice(page, 'Tag owner saved.')).toBeVisible()
    await expect(side.getByRole('list', { name: 'Tags' }).getByText('owner: ranking-team')).toHaveCount(1)
  })

  test('a first load that keeps failing offers Retry, which recovers', async ({ page }) => {
    await page.goto('/ml/endpoints')
    await setFaults(page, [{ method: 'GET', path: detailPath('churn-predictor'), status: 503, times: 3 }])
    await page.getByRole('table', { name: 'Serving endpoints' }).getByRole('link', { name: 'churn-predictor' }).click()

    const alert = page.getByRole('alert')
    await expect(alert).toContainText("Couldn't load this endpoint")
    await expect(alert).toContainText(msg503)
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByRole('table', { name: 'Active configuration' })).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })

  test('a 500 on Delete keeps the dialog open with the reason, and the endpoint stays', async ({ page }) => {
    await page.goto('/ml/endpoints/churn-predictor')
    await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
    await setFaults(page, [{ method: 'DELETE', path: detailPath('churn-predictor'), status: 500, times: 1 }])

    await page.getByRole('button', { name: 'Delete' }).click()
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
    await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Active configuration' })).toBeVisible()
  })

  test('a dropped connection on Delete says so, keeps the dialog open, and the endpoint stays', async ({ page }) => {
    await page.goto('/ml/endpoints/churn-predictor')
    await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
    await setFaults(page, [{ method: 'DELETE', path: detailPath('churn-predictor'), network: true, times: 1 }])

    await page.getByRole('button', { name: 'Delete' }).click()
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
    await page.clock.install()
    await page.goto('/ml/endpoints')
    await expect(page.getByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeVisible()
    await setControls(page, { ...FAST, updateMs: 600_000 })
    const started = await api(page, 'PUT', `${detailPath('churn-predictor')}/config`, {
      served_entities: [
        {
          name: 'churn_model-4',
          entity_name: 'main.default.churn_model',
          entity_version: '4',
          workload_size: 'Large',
          scale_to_zero_enabled: false,
        },
      ],
    })
    expect(started.status).toBe(200)
    await page.getByRole('link', { name: 'churn-predictor' }).click()
    await expect(stateOf(page)).toContainText('Update in progress')

    // The update finishes on the server before the page's next poll: freeze timers, move the date.
    const now = await page.evaluate(() => Date.now())
    await page.clock.pauseAt(now + 500)
    await page.clock.setSystemTime(now + 700_000)
    await page.getByRole('button', { name: 'Cancel update' }).click()

    await runClockUntil(page, () =>
      expect(notice(page, 'The update finished before it could be canceled.')).toBeVisible({ timeout: 200 }),
    )
    await runClockUntil(page, () =>
      expect(page.getByRole('table', { name: 'Active configuration' })).toContainText('CPU · Large', { timeout: 200 }),
    )
    await expect(stateOf(page)).not.toContainText('Update in progress')
    await expect(stateOf(page)).not.toContainText('Update canceled')
    await expect(page.getByRole('button', { name: 'Cancel update' })).toHaveCount(0)
    await expect(page.getByRole('table', { name: 'Pending configuration' })).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 1, name: 'churn-predictor' })).toBeVisible()
  })

  test('an endpoint deleted while its page is open shows Endpoint not found with a way back', async ({ page }) => {
    await page.goto('/ml/endpoints/recsys-ranker')
    await expect(stateOf(page)).toContainText('Update in progress')

    expect((await api(page, 'DELETE', detailPath('recsys-ranker'))).status).toBe(200)

    // The next poll (every 2 s while an update runs) finds it gone.
    await expect(page.getByRole('heading', { level: 1, name: 'Endpoint not found' })).toBeVisible()
    await expect(page.getByText('It may have been deleted.')).toBeVisible()
    await page.getByRole('link', { name: 'Go to Serving endpoints' }).click()
    await expect(page).toHaveURL(/\/ml\/endpoints$/)
    const table = page.getByRole('table', { name: 'Serving endpoints' })
    await expect(table.getByRole('link', { name: 'churn-predictor' })).toBeVisible()
    await expect(table.getByRole('link', { name: 'recsys-ranker' })).toHaveCount(0)
  })
})

// ---------------------------------------------------------------- polling errors

test.describe('polling errors', () => {
  test('the details page keeps the last data with a notice while refreshes fail, then recovers', async ({ page }) => {
    await page.clock.install()
    await page.goto('/ml/endpoints/recsys-ranker')
    await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
    await setFaults(page, [{ method: 'GET', path: detailPath('recsys-ranker'), status: 503, times: 100 }])

    const refresh = notice(page, "Couldn't refresh")
    await runClockUntil(page, () => expect(refresh).toBeVisible({ timeout: 200 }))
    await expect(refresh).toContainText(msg503)
    await expect(refresh.getByRole('button', { name: 'Retry now' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'recsys-ranker' })).toBeVisible()
    await expect(stateOf(page)).toContainText('Update in progress')
    await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
    await expect(page.getByRole('table', { name: 'Active configuration' })).toBeVisible()
    await expect(page.getByText("Couldn't load this endpoint")).toHaveCount(0)

    await setControls(page, FAST)
    await runClockUntil(page, () => expect(refresh).toHaveCount(0, { timeout: 200 }))
    await expect(stateOf(page)).toContainText('Update in progress')
    await expect(page.getByRole('table', { name: 'Pending configuration' })).toBeVisible()
  })

  test('the list keeps its rows with a notice while refreshes fail, then recovers', async ({ page }) => {
    await page.clock.install()
    await page.goto('/ml/endpoints')
    const table = page.getByRole('table', { name: 'Serving endpoints' })
    await expect(table.getByRole('link', { name: 'recsys-ranker' })).toBeVisible()
    const filter = page.getByRole('textbox', { name: 'Filter endpoints' })
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
