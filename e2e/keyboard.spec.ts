// Keyboard only: no mouse, no click(), no fill(). Tab, type, Enter, Space, arrows and Escape, as a
// keyboard user works, with a visible focus indicator at every stop we land on.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { entityButton, entityDialog } from './helpers'
import { DetailsPage } from './pages/details-page'
import { ListPage } from './pages/list-page'

/** The focused element draws an outline or a box-shadow (its own, or its label's for visually hidden radios). */
async function expectVisibleFocus(page: Page, what: string) {
  const indicator = await page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'nothing focused'
    const drawn = (node: Element) => {
      const s = getComputedStyle(node)
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      return outline || s.boxShadow !== 'none'
    }
    return drawn(el)
      ? 'visible'
      : `no outline or box-shadow on <${el.tagName.toLowerCase()}> ${el.textContent?.trim().slice(0, 40) ?? ''}`
  })
  expect(indicator, `focus indicator on ${what}`).toBe('visible')
}

/** Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times. */
async function tabTo(page: Page, target: Locator, what: string, { max = 40, back = false } = {}) {
  await expect(target, `${what} exists`).toHaveCount(1)
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) break
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  await expect(target, `${what} is reachable by ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused()
  await expectVisibleFocus(page, what)
}

test('creates an endpoint from the list with the keyboard alone', async ({ page }) => {
  const list = new ListPage(page)
  await list.goto()

  await tabTo(page, list.createLink, 'Create serving endpoint')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Create serving endpoint' })).toBeVisible()

  const name = page.getByRole('textbox', { name: 'Name' })
  await tabTo(page, name, 'Name')
  await page.keyboard.type('kb-endpoint')
  await expect(name).toHaveValue('kb-endpoint')

  await tabTo(page, entityButton(page), 'the Entity button')
  await page.keyboard.press('Enter')
  const dialog = entityDialog(page)
  await expect(dialog).toBeVisible()

  // Unity Catalog model is the default; arrows pick a model and a version in the closed selects.
  await expect(dialog.getByRole('radio', { name: 'Unity Catalog model' })).toBeChecked()
  const model = dialog.getByRole('combobox', { name: 'Model' })
  await expect(model).toBeEnabled()
  await tabTo(page, model, 'Model')
  await page.keyboard.press('ArrowDown')
  await expect(model).toHaveValue('main.default.churn_model')
  const version = dialog.getByRole('combobox', { name: 'Version' })
  await expect(version).toBeEnabled()
  await tabTo(page, version, 'Version')
  await page.keyboard.press('ArrowDown')
  await expect(version).not.toHaveValue('')
  const chosenVersion = await version.inputValue()

  await tabTo(page, dialog.getByRole('button', { name: 'Confirm' }), 'Confirm')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(entityButton(page)).toBeFocused()
  await expect(entityButton(page)).toHaveAccessibleName(`Entity main.default.churn_model · Version ${chosenVersion}`)

  // Space toggles a checkbox on the way.
  const scaleToZero = page.getByRole('checkbox', { name: 'Scale to zero' })
  await expect(scaleToZero).toBeChecked()
  await tabTo(page, scaleToZero, 'Scale to zero')
  await page.keyboard.press('Space')
  await expect(scaleToZero).not.toBeChecked()

  const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/2.0/serving-endpoints')
  await tabTo(page, page.getByRole('button', { name: 'Create', exact: true }), 'Create')
  await page.keyboard.press('Enter')
  const body = (await posted).postDataJSON() as { config: { served_entities: { scale_to_zero_enabled: boolean }[] } }
  expect(body.config.served_entities[0].scale_to_zero_enabled).toBe(false)
  await expect(page).toHaveURL(/\/ml\/endpoints\/kb-endpoint$/)
  const details = new DetailsPage(page)
  await expect(details.heading('kb-endpoint')).toBeVisible()
  await expect(details.state).toContainText('Not ready')
})

test('cancels an in-progress update with Tab and Enter', async ({ page }) => {
  const details = new DetailsPage(page)
  await details.goto('recsys-ranker')
  await expect(details.state).toContainText('Update in progress')
  await tabTo(page, details.cancelUpdateButton, 'Cancel update')
  await page.keyboard.press('Enter')
  await expect(details.state).toContainText('Update canceled')
  await expect(details.cancelUpdateButton).toHaveCount(0)
  // Focus is not lost to nowhere: the next Tab lands on a control in the page.
  await page.keyboard.press('Tab')
  await expectVisibleFocus(page, 'the control after Cancel update')
})

test('the entity dialog traps focus; Escape closes it and focus returns to the Entity button', async ({ page }) => {
  await page.goto('/ml/endpoints/create')
  await expect(page.getByRole('heading', { level: 1, name: 'Create serving endpoint' })).toBeVisible()
  await tabTo(page, entityButton(page), 'the Entity button')
  await page.keyboard.press('Enter')
  const dialog = entityDialog(page)
  await expect(dialog).toBeVisible()

  // Arrow keys move between the entity-type radios; the foundation fields then join the cycle.
  await tabTo(page, dialog.getByRole('radio', { name: 'Unity Catalog model' }), 'Unity Catalog model')
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'Foundation models' })).toBeChecked()
  await expect(dialog.getByRole('combobox', { name: 'Select a foundation model' })).toBeVisible()

  const stops = new Set<string>()
  for (const key of [...Array.from({ length: 10 }, () => 'Tab'), ...Array.from({ length: 10 }, () => 'Shift+Tab')]) {
    await page.keyboard.press(key)
    const where = await page.evaluate(() => {
      const el = document.activeElement
      const inDialog = !!el?.closest('[role="dialog"]')
      return {
        inDialog,
        label: `${el?.tagName.toLowerCase()} ${el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 30) ?? ''}`,
      }
    })
    expect(where.inDialog, `after ${key}, focus on ${where.label} is inside the dialog`).toBe(true)
    await expectVisibleFocus(page, where.label)
    stops.add(where.label)
  }
  // The cycle really went round: the close button, the radios, the select, Cancel and Confirm.
  expect(stops.size).toBeGreaterThanOrEqual(5)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(entityButton(page)).toBeFocused()
  await expect(entityButton(page)).toHaveAccessibleName('Entity Select an entity')
  await expectVisibleFocus(page, 'the Entity button after Escape')
})
