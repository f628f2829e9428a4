import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clock, controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'

const DAY = 24 * 3600_000

/** Counts GET /api/2.0/serving-endpoints requests that reach the mock. */
function countListRequests() {
  const counter = { count: 0 }
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'GET' && new URL(request.url).pathname === '/api/2.0/serving-endpoints') counter.count++
  }
  server.events.on('request:start', listener)
  return { counter, stop: () => server.events.removeListener('request:start', listener) }
}

function rowFor(name: string): HTMLElement {
  const row = screen.getByRole('link', { name }).closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

describe('endpoint list live refresh', () => {
  let requests: ReturnType<typeof countListRequests>
  beforeEach(() => {
    // Fake timers that still follow real time, so Testing Library's waits keep working.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    requests = countListRequests()
  })
  afterEach(() => {
    requests.stop()
    vi.useRealTimers()
  })

  it('refreshes about every 3 seconds while an endpoint is not settled', async () => {
    renderApp('/ml/endpoints')
    await screen.findByRole('link', { name: 'recsys-ranker' })
    expect(within(rowFor('recsys-ranker')).getByText('Update in progress')).toBeInTheDocument()
    const first = requests.counter.count
    expect(first).toBe(1)
    await vi.advanceTimersByTimeAsync(3100)
    expect(requests.counter.count).toBe(first + 1)
    await vi.advanceTimersByTimeAsync(3100)
    expect(requests.counter.count).toBe(first + 2)
  })

  it('sends no request at all once every endpoint is settled', async () => {
    controlPlane.list() // seeds the demo workspace now, so moving the clock settles its updates
    clock.advance(2 * DAY)
    renderApp('/ml/endpoints')
    await screen.findByRole('link', { name: 'recsys-ranker' })
    expect(within(rowFor('recsys-ranker')).queryByText('Update in progress')).not.toBeInTheDocument()
    expect(within(rowFor('fraud-detector-v2')).getByText('Ready')).toBeInTheDocument()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(requests.counter.count).toBe(1)
  })

  it('shows the new state when an update finishes, then stops refreshing', async () => {
    renderApp('/ml/endpoints')
    await screen.findByRole('link', { name: 'recsys-ranker' })
    expect(within(rowFor('fraud-detector-v2')).getByText('Not ready')).toBeInTheDocument()

    clock.advance(DAY + 60_000)
    await vi.advanceTimersByTimeAsync(3100)
    expect(await within(rowFor('fraud-detector-v2')).findByText('Ready')).toBeInTheDocument()
    expect(within(rowFor('recsys-ranker')).queryByText('Update in progress')).not.toBeInTheDocument()
    const settledAt = requests.counter.count

    await vi.advanceTimersByTimeAsync(30_000)
    expect(requests.counter.count).toBe(settledAt)
  })
})
