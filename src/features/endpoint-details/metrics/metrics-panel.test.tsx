import { act, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { server } from '../../../mocks/node'
import { renderApp } from '../../../test/render'

// jsdom has no canvas: the chart itself is drawn and checked in e2e/metrics.spec.ts.
vi.mock('./time-series-chart', () => ({ TimeSeriesChart: () => <div>chart</div> }))

const HISTORY = '/api/2.0/serving-endpoints/:name/metrics-history'

function countHistoryGets() {
  const counter = { count: 0 }
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname.endsWith('/metrics-history')) counter.count++
  })
  return counter
}

async function openMetrics(name: string) {
  const app = renderApp(`/ml/endpoints/${name}`)
  await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })
  await app.user.click(screen.getByRole('tab', { name: 'Metrics' }))
  return app
}

const CHART_TITLES = ['Request rate', 'Latency', 'Errors', 'CPU usage', 'Memory usage', 'Provisioned concurrency']

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true })
})
afterEach(() => {
  server.events.removeAllListeners()
  vi.useRealTimers()
})

describe('Metrics tab', { timeout: 20_000 }, () => {
  it('shows a chart per metric, named by its title, for the last hour', async () => {
    await openMetrics('churn-predictor')
    for (const title of CHART_TITLES) {
      expect(await screen.findByRole('figure', { name: new RegExp(`^${title}`) })).toBeInTheDocument()
    }
    expect(screen.queryByRole('figure', { name: /^GPU usage/ })).not.toBeInTheDocument()
    expect(screen.getByLabelText('Time range')).toHaveDisplayValue('Last hour')
  })

  it('adds GPU usage for a GPU entity', async () => {
    await openMetrics('llama-pt-finance')
    expect(await screen.findByRole('figure', { name: /^GPU usage/ })).toBeInTheDocument()
  })

  it('shows each chart as a table of its points', async () => {
    const { user } = await openMetrics('churn-predictor')
    await screen.findByRole('figure', { name: /^Request rate/ })
    await user.click(screen.getByRole('button', { name: 'Show as table' }))
    expect(screen.getByRole('button', { name: 'Show as table' })).toHaveAttribute('aria-pressed', 'true')
    const table = within(screen.getByRole('figure', { name: /^Latency/ })).getByRole('table')
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Time', 'p50', 'p90', 'p99'])
    expect(within(table).getAllByRole('row').length).toBeGreaterThanOrEqual(60)
  })

  it('switches the range and the served entity', async () => {
    const { user } = await openMetrics('churn-predictor')
    await screen.findByRole('figure', { name: /^Request rate/ })
    await user.selectOptions(screen.getByLabelText('Time range'), 'Last 7 days')
    expect(await screen.findByRole('figure', { name: /^Request rate.*last 7 days/ })).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Served entity'), 'churn_model-4')
    expect(await screen.findByRole('figure', { name: /^Latency.*churn_model-4/ })).toBeInTheDocument()
  })

  it('says so when no requests came in the period', async () => {
    server.setControls({ latencyMs: 0, traffic: { 'churn-predictor': 'off' } })
    await openMetrics('churn-predictor')
    expect(await screen.findByText('No requests in this period')).toBeInTheDocument()
  })

  it('shows an error with Retry, and recovers', async () => {
    server.use(
      http.get(HISTORY, () => HttpResponse.json({ error_code: 'INTERNAL_ERROR', message: 'Boom.' }, { status: 500 }), {
        once: true,
      }),
    )
    const { user } = await openMetrics('churn-predictor')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("Couldn't load metrics")
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('figure', { name: /^Request rate/ })).toBeInTheDocument()
  })

  it('says the charts are not available where the history route does not exist', async () => {
    server.use(
      http.get(HISTORY, ({ request }) =>
        HttpResponse.json(
          { error_code: 'ENDPOINT_NOT_FOUND', message: `No API found for 'GET ${new URL(request.url).pathname}'.` },
          { status: 404 },
        ),
      ),
    )
    await openMetrics('churn-predictor')
    expect(await screen.findByText('Metrics charts are not available from this backend')).toBeInTheDocument()
  })

  it('refreshes every minute while shown, and sends nothing once another tab is chosen', async () => {
    const gets = countHistoryGets()
    const { user } = await openMetrics('churn-predictor')
    await screen.findByRole('figure', { name: /^Request rate/ })
    expect(gets.count).toBe(1)
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(gets.count).toBe(2)
    await user.click(screen.getByRole('tab', { name: 'Events' }))
    await act(() => vi.advanceTimersByTimeAsync(180_000))
    expect(gets.count).toBe(2)
  })
})
