// The create and edit form, /ml/endpoints/create and /ml/endpoints/:name/edit, with its served-entity
// dialog: what its specs find and do there, named once.
import type { Locator, Page } from '@playwright/test'
import { expect } from '../fixtures'
import { entityDialog, openEntityDialog } from '../helpers'

export class FormPage {
  readonly createHeading: Locator
  readonly editHeading: Locator
  readonly nameField: Locator
  readonly createButton: Locator
  readonly updateButton: Locator
  readonly cancelButton: Locator
  /** The form's error summary (a request that failed). */
  readonly alert: Locator
  /** One Traffic (%) field per served entity, in row order. */
  readonly trafficFields: Locator
  readonly addTagButton: Locator
  readonly tagKeys: Locator
  readonly tagValues: Locator
  /** The Select served entity dialog, once open. */
  readonly entityDialog: Locator

  constructor(readonly page: Page) {
    this.createHeading = page.getByRole('heading', { level: 1, name: 'Create serving endpoint' })
    this.editHeading = page.getByRole('heading', { level: 1, name: 'Edit serving endpoint' })
    this.nameField = page.getByRole('textbox', { name: 'Name' })
    this.createButton = page.getByRole('button', { name: 'Create', exact: true })
    this.updateButton = page.getByRole('button', { name: 'Update', exact: true })
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true })
    this.alert = page.getByRole('alert')
    this.trafficFields = page.getByRole('textbox', { name: 'Traffic (%)' })
    this.addTagButton = page.getByRole('button', { name: 'Add tag' })
    this.tagKeys = page.getByRole('textbox', { name: 'Key', exact: true })
    this.tagValues = page.getByRole('textbox', { name: /^Value/ })
    this.entityDialog = entityDialog(page)
  }

  async gotoCreate(): Promise<void> {
    await this.page.goto('/ml/endpoints/create')
    await expect(this.createHeading).toBeVisible()
  }

  async gotoEdit(name: string): Promise<void> {
    await this.page.goto(`/ml/endpoints/${name}/edit`)
    await expect(this.editHeading).toBeVisible()
  }

  /** The Entity button of served-entity row `row` (its name reads "Entity …" and the choice). */
  entityButton(row = 0): Locator {
    return this.page.getByRole('button', { name: /^Entity/ }).nth(row)
  }

  /** Opens the Select served entity dialog of row `row` and returns it. */
  openEntityDialog(row = 0): Promise<Locator> {
    return openEntityDialog(this.page, row)
  }

  /** Confirms the open dialog (it closes when the choice is valid). */
  async confirmEntity(): Promise<void> {
    await this.entityDialog.getByRole('button', { name: 'Confirm' }).click()
  }

  /** Adds a tag row and fills it. */
  async addTag(key: string, value: string): Promise<void> {
    await this.addTagButton.click()
    await this.tagKeys.last().fill(key)
    await this.tagValues.last().fill(value)
  }
}
