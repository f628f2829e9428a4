import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { clock, server } from '../../mocks/node'
import { renderApp } from '../../test/render'

const CANCEL = '*/api/2.0/serving-endpoints/recsys-ranker/config/cancel'

async function openRecsys() {
  const app = renderApp('/ml/endpoints/recsys-ranker')
  expect(await screen.findByRole('heading', { level: 1, name: 'recsys-ranker' }, { timeout: 5000 })).toBeInTheDocument()
  expect(screen.getByText('Update in progress')).toBeInTheDocument()
  return app
}

/** Holds the cancel request until `release` is called, so the in-flight state can be seen. */
function holdCancel(answer: () => Response | Promise<Response>) {
  let release = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.post(CANCEL, async () => {
      await gate
      return answer()
    }),
  )
  return () => release()
}

describe('Cancel update', () => {
  it('cancels an in-progress update at once and keeps the active config', async () => {
    const { user } = await openRecsys()
    expect(screen.getByRole('region', { name: 'Pending configuration' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Cancel update' }))

    expect(await screen.findByText('Update canceled. Version 6 keeps serving.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel update' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Pending configuration' })).not.toBeInTheDocument()
    expect(screen.getAllByText('Update canceled').length).toBeGreaterThan(0)
    const active = screen.getByRole('table', { name: 'Active configuration' })
    expect(within(active).getByText('ranker-11')).toBeInTheDocument()
    // The server agrees: a fresh read shows the update canceled.
    const fresh = (await (await fetch('http://localhost/api/2.0/serving-endpoints/recsys-ranker')).json()) as {
      state: { config_update: string }
    }
    expect(fresh.state.config_update).toBe('UPDATE_CANCELED')
  })

  it('shows the result optimistically and disables the button while the request runs', async () => {
    const { user } = await openRecsys()
    const release = holdCancel(async () => {
      server.resetHandlers()
      const real = await fetch('http://localhost/api/2.0/serving-endpoints/recsys-ranker/config/cancel', { method: 'POST' })
      return HttpResponse.json(await real.json())
    })
    await user.click(screen.getByRole('button', { name: 'Cancel update' }))

    const button = screen.getByRole('button', { name: 'Cancel update' })
    expect(button).toBeDisabled()
    expect(screen.getByText('Update canceled')).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Pending configuration' })).not.toBeInTheDocument()

    release()
    expect(await screen.findByText('Update canceled. Version 6 keeps serving.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel update' })).not.toBeInTheDocument()
  })

  it('rolls back and says why when the cancel fails', async () => {
    server.setControls({
      latencyMs: 0,
      faults: [{ method: 'POST', path: '/api/2.0/serving-endpoints/recsys-ranker/config/cancel', status: 503, times: 1 }],
    })
    const { user } = await openRecsys()
    await user.click(screen.getByRole('button', { name: 'Cancel update' }))

    expect(await screen.findByText(/Couldn't cancel the update: The serving service answered 503/)).toBeInTheDocument()
    expect(screen.getByText('Update in progress')).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'Pending configuration' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Cancel update' })).toBeEnabled()
  })

  it('explains a cancel that lost the race to a finished update and shows the applied config', async () => {
    const { user } = await openRecsys()
    // The rollout finishes between the last poll and the click.
    clock.advance(25 * 60 * 60_000)
    await user.click(screen.getByRole('button', { name: 'Cancel update' }))

    expect(await screen.findByText('The update finished before it could be canceled.')).toBeInTheDocument()
    expect(await screen.findByRole('table', { name: 'Active configuration' })).toHaveTextContent('ranker-12')
    expect(screen.queryByText('Update in progress')).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Pending configuration' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel update' })).not.toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
