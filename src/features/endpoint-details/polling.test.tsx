import { MutationObserver } from '@tanstack/react-query'
import { act, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { updateConfigMutation } from '../../api/mutations'
import { server } from '../../mocks/node'
import { renderApp } from '../../test/render'

/** GETs of one endpoint's detail route (not its events or logs). */
function countDetailGets(name: string) {
  const path = `/api/2.0/serving-endpoints/${name}`
  const counter = { count: 0 }
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET' && new URL(request.url).pathname === path) counter.count++
  })
  return counter
}

async function advance(ms: number, step = 500) {
  for (let t = 0; t < ms; t += step) await act(() => vi.advanceTimersByTimeAsync(step))
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true })
})
afterEach(() => {
  server.events.removeAllListeners()
  vi.useRealTimers()
})

describe('status polling', () => {
  it('polls about every 2 s while an update is in progress', async () => {
    const requests = countDetailGets('recsys-ranker')
    renderApp('/ml/endpoints/recsys-ranker')
    expect(await screen.findByRole('heading', { level: 1, name: 'recsys-ranker' }, { timeout: 5000 })).toBeInTheDocument()
    const before = requests.count
    await advance(60_000)
    expect(requests.count - before).toBeGreaterThanOrEqual(28)
    expect(requests.count - before).toBeLessThanOrEqual(31)
  })

  it('sends nothing while the endpoint is settled', async () => {
    const requests = countDetailGets('churn-predictor')
    renderApp('/ml/endpoints/churn-predictor')
    expect(await screen.findByRole('heading', { level: 1, name: 'churn-predictor' }, { timeout: 5000 })).toBeInTheDocument()
    const before = requests.count
    await advance(60_000, 5000)
    expect(requests.count - before).toBe(0)
  })

  it('stops when the update is applied and resumes after the next update starts', async () => {
    server.setControls({ latencyMs: 0, updateMs: 5000 })
    const requests = countDetailGets('churn-predictor')
    const { queryClient } = renderApp('/ml/endpoints/churn-predictor')
    expect(await screen.findByRole('heading', { level: 1, name: 'churn-predictor' }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.queryByText('Update in progress')).not.toBeInTheDocument()

    // The action: what the edit form does, through the same mutation and cache.
    const update = new MutationObserver(queryClient, updateConfigMutation(queryClient, 'churn-predictor'))
    await act(() =>
      update.mutate({
        served_entities: [
          {
            name: 'churn_model-4',
            entity_name: 'main.default.churn_model',
            entity_version: '4',
            workload_size: 'Small',
            scale_to_zero_enabled: true,
          },
        ],
      }),
    )
    expect(await screen.findByText('Update in progress')).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Pending configuration' })).toBeInTheDocument()

    const atStart = requests.count
    await advance(4000)
    expect(requests.count - atStart).toBeGreaterThanOrEqual(1)

    await advance(4000)
    expect(screen.queryByText('Update in progress')).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Pending configuration' })).not.toBeInTheDocument()
    const active = screen.getByRole('table', { name: 'Active configuration' })
    expect(within(active).getAllByRole('row')).toHaveLength(2)
    expect(within(active).getByText('churn_model-4')).toBeInTheDocument()

    const settled = requests.count
    await advance(30_000, 5000)
    expect(requests.count).toBe(settled)
  })
})
