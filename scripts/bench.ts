// `npm run bench`: builds the app and two floor pages with the same Vite, then measures in headless
// Chromium: initial JS + CSS (gzip), time to the first usable row at 2,000 endpoints, filter latency,
// polling requests per minute, the Playwright suite's wall time and the mock server's request costs
// (bench-server.ts; `--server-only` runs that section alone). Prints a table and writes
// bench/results.json. Not a test: nothing here passes or fails.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import react from '@vitejs/plugin-react'
import { build, preview, type PreviewServer } from 'vite'
import { ControlPlane, memoryStorage } from '../src/mocks/control-plane'
import { floorOneElement, floorTable, type FloorRow } from './bench-floor'
import { probeElapsed } from './bench-probe'
import { benchServer, serverRows, type ServerResults } from './bench-server'
import { benchMetrics, metricsRows, type MetricsResults } from './bench-metrics'

const ROOT = resolve(import.meta.dirname, '..')
const WORK = join(ROOT, 'bench', '.work')
const EXTRA = 2000
const CONTROLS = { latencyMs: 0, extraEndpoints: EXTRA }
const CONTROLS_KEY = 'serving-console.mock'
const args = new Set(process.argv.slice(2))
const SUITE_REPORT = join(WORK, 'suite.json')

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits
const kb = (bytes: number) => round(bytes / 1024, 1)

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

async function buildApp(outDir: string) {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } })
}

async function buildFloor(name: string, source: string): Promise<string> {
  const dir = join(WORK, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>${name}</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`,
  )
  writeFileSync(join(dir, 'main.tsx'), source)
  const outDir = join(dir, 'dist')
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { react: join(ROOT, 'node_modules/react'), 'react-dom': join(ROOT, 'node_modules/react-dom') } },
    build: { outDir, emptyOutDir: true },
  })
  return outDir
}

async function serve(outDir: string, port: number, useAppConfig: boolean): Promise<PreviewServer> {
  return preview({
    root: useAppConfig ? ROOT : join(outDir, '..'),
    configFile: useAppConfig ? undefined : false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  })
}

/** Records when the first name link in a table body appears, from navigation start. */
const FIRST_ROW_PROBE = () => {
  const w = window as unknown as { benchFirstRow?: number }
  const check = () => {
    if (w.benchFirstRow === undefined && document.querySelector('table tbody tr a[href]')) w.benchFirstRow = performance.now()
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true })
}

async function newContext(browser: Browser, controls: object | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  // tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the page need it.
  await context.addInitScript({ content: 'window.__name = (fn) => fn' })
  if (controls) {
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      CONTROLS_KEY,
      JSON.stringify(controls),
    ] as const)
  }
  await context.addInitScript(FIRST_ROW_PROBE)
  return context
}

async function timeToFirstRow(browser: Browser, url: string, controls: object | null): Promise<number> {
  const context = await newContext(browser, controls)
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { benchFirstRow?: number }).benchFirstRow !== undefined, null, {
    timeout: 30_000,
  })
  const ms = await page.evaluate(() => (window as unknown as { benchFirstRow: number }).benchFirstRow)
  await context.close()
  return ms
}

/** JS and CSS the page fetched before its first usable row, gzip-compressed from the build output. */
async function initialAssets(browser: Browser, url: string, outDir: string, controls: object | null) {
  const context = await newContext(browser, controls)
  const page = await context.newPage()
  const files = new Set<string>()
  const record = (requestUrl: string) => {
    const path = new URL(requestUrl).pathname
    if (/\.(js|css)$/.test(path)) files.add(path)
  }
  context.on('request', (request) => record(request.url()))
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { benchFirstRow?: number }).benchFirstRow !== undefined, null, {
    timeout: 30_000,
  })
  await context.close()
  return [...files].map((path) => {
    const bytes = readFileSync(join(outDir, path))
    return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
}

/**
 * The loaded files that only the mock needs: everything loaded except the static-import closure of
 * the app's own loaded entries (index.html and the route chunks it loaded). A chunk the mock shares
 * with a page the list does not load (zod, shared with the form) counts as mock here.
 */
function mockFiles(outDir: string, loaded: readonly string[]): Set<string> {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; imports?: string[]; css?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }
  >
  const app = new Set<string>()
  const visit = (key: string) => {
    const entry = manifest[key]
    if (!entry || app.has(`/${entry.file}`)) return
    app.add(`/${entry.file}`)
    for (const css of entry.css ?? []) app.add(`/${css}`)
    for (const imported of entry.imports ?? []) visit(imported)
  }
  for (const [key, entry] of Object.entries(manifest)) {
    const root = entry.isEntry || (entry.isDynamicEntry && loaded.includes(`/${entry.file}`))
    if (root && key !== 'src/mocks/browser.ts') visit(key)
  }
  return new Set(loaded.filter((path) => !app.has(path)))
}

/** Filter latency: keystroke → the rendered rows match the query, p50/p95 over 20 keystrokes. */
async function filterLatency(browser: Browser, url: string): Promise<number[]> {
  const context = await newContext(browser, CONTROLS)
  const page = await context.newPage()
  await page.goto(url)
  const box = page.getByRole('textbox', { name: 'Filter endpoints' })
  await box.waitFor()
  await page.waitForFunction(() => (window as unknown as { benchFirstRow?: number }).benchFirstRow !== undefined)
  await box.fill('synthetic-endpoint-')
  await waitForRows(page, 'synthetic-endpoint-')
  const keys = ['0', '1', '2', '3', 'Backspace', 'Backspace', 'Backspace', 'Backspace']
  const sequence = [...keys, ...keys, '0', '1', '9', 'Backspace'].slice(0, 20)
  const samples: number[] = []
  let query = 'synthetic-endpoint-'
  for (const key of sequence) {
    query = key === 'Backspace' ? query.slice(0, -1) : query + key
    samples.push(await timedKeystroke(page, key, query))
  }
  await context.close()
  return samples
}

/** Expected rows for a name query over the synthetic endpoints (zero-padded 00001…02000). */
function expectedRows(query: string): number {
  let count = 0
  for (let i = 1; i <= EXTRA; i++) if (`synthetic-endpoint-${String(i).padStart(5, '0')}`.includes(query)) count++
  return count
}

async function waitForRows(page: Page, query: string) {
  await page.waitForFunction(
    ([q, expected]) => {
      const rows = [...document.querySelectorAll('table tbody tr a[href]')]
      if (rows.length === 0) return false
      const table = document.querySelector('table')
      const count = Number(table?.getAttribute('data-result-count') ?? NaN)
      return rows.every((a) => (a.textContent ?? '').includes(q as string)) && (Number.isNaN(count) || count === expected)
    },
    [query, expectedRows(query)] as const,
  )
}

async function timedKeystroke(page: Page, key: string, query: string): Promise<number> {
  // Arm the probe first (a keydown listener and a per-frame check), then press: the press must not
  // race the probe's installation.
  await page.evaluate(
    ([q, want]) => {
      const w = window as unknown as { benchKey: { start: number; done: number } }
      w.benchKey = { start: 0, done: 0 }
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Filter endpoints')
      const input = label?.control instanceof HTMLInputElement ? label.control : null
      window.addEventListener(
        'keydown',
        (event) => {
          w.benchKey.start = event.timeStamp
        },
        { capture: true, once: true },
      )
      const tick = () => {
        const rows = [...document.querySelectorAll('table tbody tr a[href]')]
        const table = document.querySelector('table')
        const count = Number(table?.getAttribute('data-result-count') ?? NaN)
        const done =
          w.benchKey.start > 0 &&
          input?.value === q &&
          rows.length > 0 &&
          rows.every((a) => (a.textContent ?? '').includes(q as string)) &&
          (Number.isNaN(count) || count === want)
        if (done) w.benchKey.done = performance.now()
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    },
    [query, expectedRows(query)] as const,
  )
  await page.keyboard.press(key)
  return probeElapsed(page, 'benchKey', 10_000)
}

/**
 * List → details: the pointer rests on an endpoint's link for 100 ms (as a person's does before a
 * click), then clicks; time from the click to the details page's heading. A fresh browser each run, so
 * the details code is not already cached.
 */
async function navigationTimes(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser, { latencyMs: 0 })
    const page = await context.newPage()
    await page.goto(url)
    const link = page.getByRole('link', { name: 'recsys-ranker', exact: true })
    await link.waitFor()
    await link.hover()
    await page.waitForTimeout(100)
    await page.evaluate(() => {
      const w = window as unknown as { benchNav: { start: number; done: number } }
      w.benchNav = { start: 0, done: 0 }
      window.addEventListener('pointerdown', (event) => (w.benchNav.start = event.timeStamp), { capture: true, once: true })
      new MutationObserver((_, observer) => {
        const heading = document.querySelector('h1')
        if (w.benchNav.start > 0 && heading?.textContent === 'recsys-ranker') {
          w.benchNav.done = performance.now()
          observer.disconnect()
        }
      }).observe(document, { childList: true, subtree: true, characterData: true })
    })
    await link.click()
    times.push(await probeElapsed(page, 'benchNav', 30_000))
    await context.close()
  }
  return times
}

/** GET requests the details page sends in one minute of (fake) time. */
async function requestsPerMinute(browser: Browser, url: string): Promise<number> {
  const context = await newContext(browser, { latencyMs: 0 })
  await context.addInitScript(() => {
    const w = window as unknown as { benchRequests: number; benchInFlight: number }
    w.benchRequests = 0
    w.benchInFlight = 0
    const original = window.fetch.bind(window)
    window.fetch = (input, init) => {
      w.benchRequests++
      w.benchInFlight++
      return original(input, init).finally(() => {
        w.benchInFlight--
      })
    }
  })
  const page = await context.newPage()
  await page.clock.install()
  await page.goto(url)
  await page.getByRole('heading', { level: 1 }).waitFor()
  await page.clock.runFor(3_000)
  await page.evaluate(() => {
    ;(window as unknown as { benchRequests: number }).benchRequests = 0
  })
  // Fake time outruns real responses: step 2 s at a time and let each poll land, as in real time
  // (one 60 s jump would fire a single poll, the next one waiting on a response still in flight).
  for (let step = 0; step < 30; step++) {
    await page.clock.runFor(2_000)
    // Polled from here: the page's own timers and frames are the fake clock's.
    while (await page.evaluate(() => (window as unknown as { benchInFlight: number }).benchInFlight > 0)) {
      await new Promise((done) => setTimeout(done, 20))
    }
  }
  const count = await page.evaluate(() => (window as unknown as { benchRequests: number }).benchRequests)
  await context.close()
  return count
}

function floorRows(): FloorRow[] {
  const cp = new ControlPlane({ storage: memoryStorage(), defaults: CONTROLS, warn: () => {} })
  return cp.list().endpoints.map((e) => ({
    name: e.name,
    state: e.state.ready === 'READY' ? 'Ready' : 'Not ready',
    entities: (e.config?.served_entities ?? []).map((s) => s.external_model?.name ?? s.entity_name ?? s.name).join(', '),
    task: e.task ?? 'custom',
    tags: (e.tags ?? []).map((t) => `${t.key}: ${t.value ?? ''}`).join(' '),
    creator: e.creator ?? 'Databricks',
    modified: new Date(e.last_updated_timestamp).toISOString(),
  }))
}

function suiteWallTime(): number | undefined {
  if (args.has('--no-suite')) return undefined
  const started = performance.now()
  const run = spawnSync('npx', ['playwright', 'test', '--reporter=dot,json'], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: '4190', PLAYWRIGHT_JSON_OUTPUT_NAME: SUITE_REPORT },
    stdio: 'inherit',
  })
  if (run.status !== 0) console.warn('The Playwright suite did not pass; its wall time is still reported.')
  return (performance.now() - started) / 1000
}

interface SuiteReport {
  suites?: SuiteReport[]
  specs?: { title: string; file: string; tests: { results: { duration: number }[] }[] }[]
}

/** The ten slowest tests of the suite's run (its JSON report), slowest first. */
function slowestTests(): { test: string; seconds: number }[] {
  if (!existsSync(SUITE_REPORT)) return []
  const all: { test: string; seconds: number }[] = []
  const walk = (suite: SuiteReport) => {
    suite.suites?.forEach(walk)
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests)
        for (const r of t.results) all.push({ test: `${spec.file} › ${spec.title}`, seconds: round(r.duration / 1000) })
    }
  }
  walk(JSON.parse(readFileSync(SUITE_REPORT, 'utf8')) as SuiteReport)
  return all.sort((a, b) => b.seconds - a.seconds).slice(0, 10)
}

function writeResults(results: Record<string, unknown>) {
  mkdirSync(join(ROOT, 'bench'), { recursive: true })
  const file = join(ROOT, 'bench', 'results.json')
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n')
}

async function serverOnly() {
  const server = await benchServer()
  writeResults({ server_date: new Date().toISOString(), server })
  printRows(serverRows(server))
}

async function metricsOnly() {
  const metrics = await benchMetrics(chromiumPath())
  writeResults({ metrics_date: new Date().toISOString(), metrics })
  printRows(metricsRows(metrics))
}

async function main() {
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  const appOut = join(WORK, 'app')
  console.log('Building the app and the floor pages…')
  await buildApp(appOut)
  const floorOneOut = await buildFloor('floor-one', floorOneElement())
  const floorTableOut = await buildFloor('floor-table', floorTable(floorRows()))

  const servers = [
    await serve(appOut, 4301, true),
    await serve(floorOneOut, 4302, false),
    await serve(floorTableOut, 4303, false),
  ]
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--disable-quic', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  })
  try {
    const app = 'http://127.0.0.1:4301/ml/endpoints'
    console.log('Measuring bytes…')
    const appAssets = await initialAssets(browser, app, appOut, { latencyMs: 0 })
    const mock = mockFiles(
      appOut,
      appAssets.map((a) => a.path),
    )
    const sum = (xs: { gzip: number }[]) => xs.reduce((n, x) => n + x.gzip, 0)
    const withMock = sum(appAssets)
    const withoutMock = sum(appAssets.filter((a) => !mock.has(a.path)))
    const floorAssets = await initialAssets(browser, 'http://127.0.0.1:4302/', floorOneOut, null).catch(() => [])
    const floorOneBytes = floorAssets.length > 0 ? sum(floorAssets) : sumDir(floorOneOut)

    // 9 runs each, interleaved: on a 2-core VM single runs spread by ±15 %.
    console.log('Measuring time to the first usable row (9 runs each)…')
    const appTimes: number[] = []
    const floorTimes: number[] = []
    for (let i = 0; i < 9; i++) {
      appTimes.push(await timeToFirstRow(browser, app, CONTROLS))
      floorTimes.push(await timeToFirstRow(browser, 'http://127.0.0.1:4303/', null))
    }

    console.log('Measuring filter latency (20 keystrokes)…')
    const filter = await filterLatency(browser, app)

    console.log('Measuring list → details navigation (10 runs)…')
    const navigation = await navigationTimes(browser, app, 10)

    console.log('Counting polling requests over one minute of mock time…')
    const settledRpm = await requestsPerMinute(browser, 'http://127.0.0.1:4301/ml/endpoints/churn-predictor')
    const inProgressRpm = await requestsPerMinute(browser, 'http://127.0.0.1:4301/ml/endpoints/recsys-ranker')

    await browser.close()
    await Promise.all(servers.map((s) => s.close()))

    const server = await benchServer()
    const metrics = await benchMetrics(chromiumPath())

    console.log('Running the Playwright suite…')
    const suiteSeconds = suiteWallTime()

    const results = {
      date: new Date().toISOString(),
      bytes: {
        app_with_mock_gzip_kb: kb(withMock),
        app_without_mock_gzip_kb: kb(withoutMock),
        floor_react_one_element_gzip_kb: kb(floorOneBytes),
        ratio_without_mock: round(withoutMock / floorOneBytes, 2),
        goal_ratio: 1.6,
        files: appAssets.map((a) => ({ ...a, mock: mock.has(a.path) })),
      },
      first_usable_row_ms: {
        endpoints: EXTRA,
        app_median: round(median(appTimes)),
        floor_static_table_median: round(median(floorTimes)),
        ratio: round(median(appTimes) / median(floorTimes), 2),
        goal_ratio: 2,
        app_runs: appTimes.map((x) => round(x)),
        floor_runs: floorTimes.map((x) => round(x)),
      },
      filter_keystroke_ms: {
        endpoints: EXTRA,
        p50: round(percentile(filter, 50)),
        p95: round(percentile(filter, 95)),
        goal_p95: 50,
        samples: filter.map((x) => round(x)),
      },
      navigation_ms: { list_to_details_median: round(median(navigation)), runs: navigation.map((x) => round(x)) },
      requests_per_minute: { settled_details: settledRpm, in_progress_details: inProgressRpm, goal_settled: 0 },
      playwright_suite_seconds: suiteSeconds === undefined ? null : round(suiteSeconds),
      slowest_tests: suiteSeconds === undefined ? [] : slowestTests(),
      server_date: new Date().toISOString(),
      server,
      metrics,
    }
    writeResults(results)
    printTable(results)
  } finally {
    if (browser.isConnected()) await browser.close()
  }
}

function sumDir(outDir: string): number {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])
  return assets.reduce((n, a) => n + gzipSync(readFileSync(join(outDir, a)), { level: 9 }).length, 0)
}

type Results = {
  bytes: {
    app_with_mock_gzip_kb: number
    app_without_mock_gzip_kb: number
    floor_react_one_element_gzip_kb: number
    ratio_without_mock: number
  }
  first_usable_row_ms: { app_median: number; floor_static_table_median: number; ratio: number }
  filter_keystroke_ms: { p50: number; p95: number }
  navigation_ms: { list_to_details_median: number }
  requests_per_minute: { settled_details: number; in_progress_details: number }
  playwright_suite_seconds: number | null
  slowest_tests: { test: string; seconds: number }[]
  server: ServerResults
  metrics: MetricsResults
}

function printTable(r: Results) {
  const rows: [string, string, string][] = [
    ['Initial JS+CSS on /ml/endpoints, gzip, with mock', `${r.bytes.app_with_mock_gzip_kb} kB`, ''],
    ['… without the mock chunk', `${r.bytes.app_without_mock_gzip_kb} kB`, ''],
    ['Floor: React + ReactDOM rendering one element', `${r.bytes.floor_react_one_element_gzip_kb} kB`, ''],
    ['Ratio without mock / floor', `${r.bytes.ratio_without_mock}`, 'goal ≤ 1.6'],
    ['First usable row, 2,000 endpoints (median of 9)', `${r.first_usable_row_ms.app_median} ms`, ''],
    ['Floor: static 2,000-row table (median of 9)', `${r.first_usable_row_ms.floor_static_table_median} ms`, ''],
    ['Ratio app / floor', `${r.first_usable_row_ms.ratio}`, 'goal ≤ 2'],
    ['Filter keystroke → rows, p50', `${r.filter_keystroke_ms.p50} ms`, ''],
    ['Filter keystroke → rows, p95', `${r.filter_keystroke_ms.p95} ms`, 'goal ≤ 50 ms'],
    [
      'List → details, click to heading (pointer on the link 100 ms first, median of 10)',
      `${r.navigation_ms.list_to_details_median} ms`,
      '',
    ],
    ['Requests/min, settled details page', `${r.requests_per_minute.settled_details}`, 'goal 0'],
    ['Requests/min, details page with an update in progress', `${r.requests_per_minute.in_progress_details}`, ''],
    [
      'Playwright suite wall time',
      r.playwright_suite_seconds === null ? 'skipped' : `${r.playwright_suite_seconds} s`,
      'goal ≤ 90 s',
    ],
    ...r.slowest_tests.map((t, i): [string, string, string] => [`  slowest test ${i + 1}: ${t.test}`, `${t.seconds} s`, '']),
    ...serverRows(r.server),
    ...metricsRows(r.metrics),
  ]
  printRows(rows)
}

function printRows(rows: [string, string, string][]) {
  const w0 = Math.max(...rows.map((x) => x[0].length))
  const w1 = Math.max(...rows.map((x) => x[1].length))
  console.log(`\n| ${'measure'.padEnd(w0)} | ${'value'.padEnd(w1)} | goal |`)
  console.log(`| ${'-'.repeat(w0)} | ${'-'.repeat(w1)} | ---- |`)
  for (const [a, b, c] of rows) console.log(`| ${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c} |`)
}

await (args.has('--server-only') ? serverOnly() : args.has('--metrics-only') ? metricsOnly() : main())
