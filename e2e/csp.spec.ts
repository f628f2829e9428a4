import { expect, test } from './fixtures'

test('the production build runs under its Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] }
    w.cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  await page.goto('/ml/endpoints')
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("worker-src 'self'")
  await expect(page.getByRole('link', { name: 'recsys-ranker' })).toBeVisible()
  await page.getByRole('link', { name: 'recsys-ranker' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'recsys-ranker' })).toBeVisible()
  await page.goto('/ml/endpoints/create')
  await expect(page.getByRole('heading', { level: 1, name: 'Create serving endpoint' })).toBeVisible()
  await page
    .getByRole('button', { name: /^Entity/ })
    .first()
    .click()
  await expect(page.getByRole('dialog', { name: 'Select served entity' })).toBeVisible()
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
  expect(violations).toEqual([])
})
