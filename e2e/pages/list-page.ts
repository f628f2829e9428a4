// The endpoint list, /ml/endpoints: what its specs find and do there, named once.
import type { Locator, Page } from '@playwright/test'
import { expect, type MockControls } from '../fixtures'
import { setControlsOnFirstLoad } from '../helpers'

export class ListPage {
  readonly heading: Locator
  readonly table: Locator
  /** Every row of the table: the header row, group rows and endpoint rows. */
  readonly rows: Locator
  readonly filterBox: Locator
  readonly ownedByMe: Locator
  readonly createLink: Locator
  /** "16 endpoints" or "4 of 16 endpoints", once the list has loaded. */
  readonly count: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Serving endpoints' })
    this.table = page.getByRole('table', { name: 'Serving endpoints' })
    this.rows = this.table.getByRole('row')
    this.filterBox = page.getByRole('textbox', { name: 'Filter endpoints' })
    this.ownedByMe = page.getByRole('checkbox', { name: 'Owned by me' })
    this.createLink = page.getByRole('link', { name: 'Create serving endpoint' })
    this.count = page.getByRole('status').filter({ hasText: / endpoints$/ })
  }

  /**
   * Opens the list (with `search`, e.g. `?q=churn`) and waits until its endpoints are shown; with
   * `loaded: false` only until the page itself is (an error or a loading state may follow).
   * `controls` are the mock's from the first request on.
   */
  async goto({ search = '', controls, loaded = true }: { search?: string; controls?: MockControls; loaded?: boolean } = {}) {
    if (controls) await setControlsOnFirstLoad(this.page, controls)
    await this.page.goto(`/ml/endpoints${search}`)
    await expect(this.heading).toBeVisible()
    if (loaded) await expect(this.count).toBeVisible({ timeout: 10_000 })
  }

  /** The name link of one endpoint. */
  link(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true })
  }

  /** The row of one endpoint. */
  row(name: string): Locator {
    // `has` looks inside each row, so the link's locator starts at the page, not at the table.
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  columnHeader(name: 'Name' | 'Last modified'): Locator {
    return this.table.getByRole('columnheader', { name })
  }

  /** Clicks a column's sort button (a first click sorts names A→Z, times newest first; the next reverses). */
  async sortBy(name: 'Name' | 'Last modified'): Promise<void> {
    await this.columnHeader(name).getByRole('button', { name }).click()
  }

  async filter(text: string): Promise<void> {
    await this.filterBox.fill(text)
  }
}
