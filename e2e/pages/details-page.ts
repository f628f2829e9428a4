// An endpoint's details page, /ml/endpoints/:name: what its specs find and do there, named once.
import type { Locator, Page } from '@playwright/test'
import { expect } from '../fixtures'

export class DetailsPage {
  /** The state badge and the config-update status. */
  readonly state: Locator
  readonly cancelUpdateButton: Locator
  readonly editButton: Locator
  readonly deleteButton: Locator
  readonly queryButton: Locator
  readonly activeConfig: Locator
  readonly pendingConfig: Locator
  readonly events: Locator

  constructor(readonly page: Page) {
    this.state = page.getByRole('group', { name: 'Serving endpoint state' })
    this.cancelUpdateButton = page.getByRole('button', { name: 'Cancel update' })
    this.editButton = page.getByRole('button', { name: 'Edit endpoint' })
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true })
    this.queryButton = page.getByRole('button', { name: 'Query endpoint' })
    this.activeConfig = page.getByRole('table', { name: 'Active configuration' })
    this.pendingConfig = page.getByRole('table', { name: 'Pending configuration' })
    this.events = page.getByRole('list', { name: 'Events, newest first' })
  }

  /** The h1: the endpoint's name (or "Endpoint not found"). */
  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  /** Opens the page of endpoint `name` and waits for its heading. */
  async goto(name: string): Promise<void> {
    await this.page.goto(`/ml/endpoints/${name}`)
    await expect(this.heading(name)).toBeVisible()
  }

  /** Cancels the update in progress (at once: no confirmation). */
  async cancelUpdate(): Promise<void> {
    await this.cancelUpdateButton.click()
  }

  /** Opens the Query endpoint dialog and returns it. */
  async openQueryDialog(): Promise<Locator> {
    await this.queryButton.click()
    const dialog = this.page.getByRole('dialog', { name: 'Query endpoint' })
    await expect(dialog).toBeVisible()
    return dialog
  }

  /** Opens the Delete serving endpoint confirmation (an alertdialog) and returns it. */
  async openDeleteDialog(): Promise<Locator> {
    await this.deleteButton.click()
    const dialog = this.page.getByRole('alertdialog', { name: 'Delete serving endpoint' })
    await expect(dialog).toBeVisible()
    return dialog
  }
}
