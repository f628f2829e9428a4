// The Metrics tab's figures for `npm run bench` (alone: `npm run bench -- --metrics-only`): the two
// chart-library candidates bundled alone, the tab's chunk and its share of the first pages (0: lazy),
// click → every chart drawn for 7 days with the history already fetched, and the 7-day history answer.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import { build, preview } from 'vite'
import { probeElapsed } from './bench-probe'

const ROOT = resolve(import.meta.dirname, '..')
const WORK = join(ROOT, 'bench', '.work', 'metrics')
const PORT = 4304
const RUNS = 9
const CHARTS = 6

export interface MetricsResults {
  chart_library_gzip_kb: { uplot: number; chartjs: number }
  chunk_gzip_kb: number
  chunk_files: string[]
  initial_share_gzip_kb: { list_page: number; details_page: number }
  tab_to_charts_7d_ms: { median: number; goal: number; runs: number[] }
  history_7d: { bytes: number; gzip_bytes: number; points: number }
}

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** A line chart of one time series, as small as each library allows, bundled alone: its JS + CSS, gzip. */
async function libraryBytes(name: string, source: string): Promise<number> {
  const dir = join(WORK, name)
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><body><div id="c"></div><script type="module" src="./main.ts"></script></body></html>',
  )
  writeFileSync(join(dir, 'main.ts'), source)
  const outDir = join(dir, 'dist')
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { uplot: join(ROOT, 'node_modules/uplot'), 'chart.js': join(ROOT, 'node_modules/chart.js') } },
    build: { outDir, emptyOutDir: true },
  })
  const assets = join(outDir, 'assets')
  return readdirSync(assets).reduce((n, file) => n + gzip(readFileSync(join(assets, file))), 0)
}

const UPLOT = `import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
const t = Array.from({ length: 336 }, (_, i) => 1.7e9 + i * 1800)
new uPlot({ width: 400, height: 160, series: [{}, { label: 'Requests', stroke: 'blue' }] }, [t, t.map((x) => x % 7)], document.getElementById('c')!)
`

const CHARTJS = `import { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js'
Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend)
const t = Array.from({ length: 336 }, (_, i) => 1.7e9 + i * 1800)
const canvas = document.createElement('canvas')
document.getElementById('c')!.append(canvas)
new Chart(canvas, { type: 'line', data: { labels: t, datasets: [{ label: 'Requests', data: t.map((x) => x % 7) }] } })
`

/** The JS and CSS a page fetched, by path. */
function recordAssets(page: Page): Set<string> {
  const files = new Set<string>()
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (/\.(js|css)$/.test(path)) files.add(path)
  })
  return files
}

const bytesOf = (outDir: string, paths: Iterable<string>) =>
  [...paths].reduce((n, p) => n + gzip(readFileSync(join(outDir, p))), 0)

/** From the click on the Metrics tab to every chart drawn (the charts mark their plot data-drawn). */
async function timedTabClick(page: Page): Promise<number> {
  await page.evaluate((charts) => {
    const w = window as unknown as { benchTab: { start: number; done: number } }
    w.benchTab = { start: 0, done: 0 }
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === 'Metrics')
    tab?.addEventListener('mousedown', (event) => (w.benchTab.start = event.timeStamp), { once: true })
    const tick = () => {
      const drawn = document.querySelectorAll('figure [data-drawn="true"]').length
      const sevenDays = [...document.querySelectorAll('figure')].every((f) => f.textContent?.includes('last 7 days'))
      if (w.benchTab.start > 0 && drawn >= charts && sevenDays) w.benchTab.done = performance.now()
      else requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }, CHARTS)
  await page.getByRole('tab', { name: 'Metrics' }).click()
  return probeElapsed(page, 'benchTab', 20_000)
}

export async function benchMetrics(executablePath?: string): Promise<MetricsResults> {
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  console.log('Metrics: bundling the chart-library candidates…')
  const uplot = await libraryBytes('uplot', UPLOT)
  const chartjs = await libraryBytes('chartjs', CHARTJS)

  console.log('Metrics: building the app…')
  const outDir = join(WORK, 'app')
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: PORT, strictPort: true, host: '127.0.0.1' },
  })
  const browser: Browser = await chromium.launch({
    executablePath,
    args: ['--disable-quic', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  })
  try {
    const base = `http://127.0.0.1:${PORT}`
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    // tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the page need it.
    await context.addInitScript({ content: 'window.__name = (fn) => fn' })
    await context.addInitScript(() => window.localStorage.setItem('serving-console.mock', JSON.stringify({ latencyMs: 0 })))
    const page = await context.newPage()

    const listFiles = recordAssets(page)
    await page.goto(`${base}/ml/endpoints`)
    await page.getByRole('link', { name: 'churn-predictor' }).waitFor()
    const list = new Set(listFiles)

    const detailsPage = await context.newPage()
    const detailsFiles = recordAssets(detailsPage)
    await detailsPage.goto(`${base}/ml/endpoints/churn-predictor?metrics_range=7d`)
    await detailsPage.getByRole('heading', { level: 1, name: 'churn-predictor' }).waitFor()
    await detailsPage.getByRole('list', { name: 'Events, newest first' }).waitFor()
    const details = new Set(detailsFiles)

    // First opening: loads the chunk and fetches the 7-day history.
    await detailsPage.getByRole('tab', { name: 'Metrics' }).click()
    await detailsPage.waitForFunction((n) => document.querySelectorAll('figure [data-drawn="true"]').length >= n, CHARTS)
    const chunk = [...detailsFiles].filter((f) => !details.has(f))
    const runs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await detailsPage.getByRole('tab', { name: 'Events' }).click()
      await detailsPage.getByRole('list', { name: 'Events, newest first' }).waitFor()
      runs.push(await timedTabClick(detailsPage))
    }

    const history = await detailsPage.evaluate(async () => {
      const end = Date.now()
      const start = end - 7 * 24 * 3_600_000
      const response = await fetch(
        `/api/2.0/serving-endpoints/churn-predictor/metrics-history?start_timestamp=${start}&end_timestamp=${end}`,
      )
      return response.text()
    })
    await context.close()
    const isChunk = (f: string) => chunk.includes(f)
    return {
      chart_library_gzip_kb: { uplot: kb(uplot), chartjs: kb(chartjs) },
      chunk_gzip_kb: kb(bytesOf(outDir, chunk)),
      chunk_files: chunk,
      initial_share_gzip_kb: {
        list_page: kb(bytesOf(outDir, [...list].filter(isChunk))),
        details_page: kb(bytesOf(outDir, [...details].filter(isChunk))),
      },
      tab_to_charts_7d_ms: { median: Math.round(median(runs) * 10) / 10, goal: 150, runs: runs.map((r) => Math.round(r)) },
      history_7d: {
        bytes: Buffer.byteLength(history),
        gzip_bytes: gzip(history),
        points: (JSON.parse(history) as { timestamps: number[] }).timestamps.length,
      },
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

export function metricsRows(m: MetricsResults): [string, string, string][] {
  return [
    [
      'Chart library alone, gzip: uPlot / Chart.js (line chart)',
      `${m.chart_library_gzip_kb.uplot} / ${m.chart_library_gzip_kb.chartjs} kB`,
      '',
    ],
    ['Metrics tab chunk (uPlot included), gzip', `${m.chunk_gzip_kb} kB`, ''],
    [
      '… of it in the list / details page first load',
      `${m.initial_share_gzip_kb.list_page} / ${m.initial_share_gzip_kb.details_page} kB`,
      'goal 0',
    ],
    [
      `Metrics tab click → ${CHARTS} charts drawn, 7 days, history fetched (median of ${RUNS})`,
      `${m.tab_to_charts_7d_ms.median} ms`,
      'goal ≤ 150 ms',
    ],
    [
      'History answer, 7 days (points; bytes / gzip)',
      `${m.history_7d.points}; ${kb(m.history_7d.bytes)} / ${kb(m.history_7d.gzip_bytes)} kB`,
      '',
    ],
  ]
}
