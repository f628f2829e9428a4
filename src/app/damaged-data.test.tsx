import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { servingApi } from '../api/endpoints'
import { STATE_KEY } from '../lib/mock-keys'
import { ControlPlane } from '../mocks/control-plane'
import { createHandlers } from '../mocks/handlers'
import { clock, server } from '../mocks/node'
import { renderApp } from '../test/render'

// Parses as JSON and passes a shallow look, but its time is text: the list page used to fail on it
// with "Invalid time value", and a Reset did not bring the page back without a reload.
const DAMAGED = JSON.stringify({
  version: 1,
  seeded_at: 0,
  endpoints: [{ name: 'broken', creation_timestamp: 'yesterday', last_updated_timestamp: 'today', tags: [], events: [] }],
})

/** The browser's mock: a control plane over localStorage, as in src/mocks/browser.ts. */
function useLocalStorageMock() {
  server.use(...createHandlers(new ControlPlane({ storage: window.localStorage, clock, defaults: { latencyMs: 0 } })))
}

describe('damaged demo data', { timeout: 15_000 }, () => {
  it('says the saved demo data could not be read, keeps a copy aside, and Reset works at once', async () => {
    window.localStorage.setItem(STATE_KEY, DAMAGED)
    useLocalStorageMock()
    const { user } = renderApp('/ml/endpoints')

    const title = await screen.findByText('The saved demo data could not be read')
    const alert = title.closest('[role="alert"]') as HTMLElement
    expect(alert).toHaveTextContent('endpoints[0] ("broken").creation_timestamp is a string, not a time in milliseconds')
    expect(alert).toHaveTextContent('localStorage["serving-console.state.damaged"]')
    expect(window.localStorage.getItem('serving-console.state.damaged')).toBe(DAMAGED)
    expect(window.localStorage.getItem(STATE_KEY)).toBe(DAMAGED)
    expect(screen.queryByText(/Invalid time value/)).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Reset demo data' }))
    expect(await screen.findByRole('link', { name: 'churn-predictor' }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.queryByText('The saved demo data could not be read')).not.toBeInTheDocument()
    expect(window.localStorage.getItem('serving-console.state.damaged')).toBe(DAMAGED)
  })

  it('the mock answers 500 INTERNAL_ERROR naming the damaged store, not the seed', async () => {
    window.localStorage.setItem(STATE_KEY, '[]')
    useLocalStorageMock()
    await expect(servingApi.list()).rejects.toMatchObject({
      status: 500,
      errorCode: 'INTERNAL_ERROR',
      message: expect.stringContaining(`localStorage["${STATE_KEY}"] could not be read: it is a list, not a state object`),
    })
    expect(window.localStorage.getItem(STATE_KEY)).toBe('[]')
  })

  it('notices damage written by another tab', async () => {
    useLocalStorageMock()
    renderApp('/ml/endpoints')
    expect(await screen.findByRole('link', { name: 'churn-predictor' }, { timeout: 5000 })).toBeInTheDocument()
    window.localStorage.setItem(STATE_KEY, 'null')
    window.dispatchEvent(new StorageEvent('storage', { key: STATE_KEY }))
    await waitFor(() => expect(screen.getByText('The saved demo data could not be read')).toBeInTheDocument())
  })
})
