import { expect, test } from './fixtures'
import { DetailsPage } from './pages/details-page'
import { FormPage } from './pages/form-page'
import { ListPage } from './pages/list-page'

test('the production build runs under its Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] }
    w.cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  const list = new ListPage(page)
  await list.goto()
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("worker-src 'self'")
  await list.link('recsys-ranker').click()
  await expect(new DetailsPage(page).heading('recsys-ranker')).toBeVisible()
  const form = new FormPage(page)
  await form.gotoCreate()
  await form.openEntityDialog()
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
  expect(violations).toEqual([])
})
