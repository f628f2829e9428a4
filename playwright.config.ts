import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, else Playwright's own browser (a laptop). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  return undefined
}

// E2E_PORT lets several runs share one checkout: each builds into its own folder.
const PORT = Number(process.env.E2E_PORT ?? 4173)
const OUT = `.e2e-build/${PORT}`
// The proxy project: the dev server in mock-server mode in front of the HTTP mock server.
const PROXY_PORT = PORT + 1000
const MOCK_SERVER_PORT = PORT + 2000

export default defineConfig({
  testDir: './e2e',
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Recording a trace for every test costs about a fifth of the suite's CPU: on the retry only (CI
    // retries once); `--trace on` records one locally.
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--disable-quic', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    },
  },
  projects: [
    { name: 'console', testIgnore: /proxy\.spec\.ts/ },
    {
      name: 'proxy',
      testMatch: /proxy\.spec\.ts/,
      use: { baseURL: `http://localhost:${PROXY_PORT}` },
      metadata: { mockServer: `http://127.0.0.1:${MOCK_SERVER_PORT}` },
    },
  ],
  webServer: [
    {
      command: `vite build --outDir ${OUT} --emptyOutDir --logLevel warn && vite preview --outDir ${OUT} --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `tsx src/mocks/cli.ts --port ${MOCK_SERVER_PORT} --deploy-ms 60000 --update-ms 60000`,
      url: `http://127.0.0.1:${MOCK_SERVER_PORT}/api/2.0/serving-endpoints`, // 401 without a token counts as up
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `vite --port ${PROXY_PORT} --strictPort --logLevel warn`,
      env: { VITE_API_BASE: `http://127.0.0.1:${MOCK_SERVER_PORT}` },
      url: `http://localhost:${PROXY_PORT}/ml/endpoints`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
})
