import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { servingApi } from '../api/endpoints'
import { CONTROLS_KEY, STATE_KEY } from '../lib/mock-keys'
import { renderApp } from '../test/render'

async function openMenu(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByRole('button', { name: /Developer menu/ }))
  return screen.findByRole('dialog', { name: 'Developer menu' }, { timeout: 5000 })
}

describe('Developer menu', () => {
  it('saves mock controls to localStorage, where the mock reads them', async () => {
    const { user } = renderApp('/ml/endpoints')
    const dialog = await openMenu(user)
    expect(within(dialog).getByText('ada.lovelace@example.com')).toBeInTheDocument()
    await user.type(within(dialog).getByLabelText('Latency (ms)'), '2500')
    await user.click(within(dialog).getByLabelText('Fail the next deploy or config update'))
    await user.click(within(dialog).getByLabelText('Faults (JSON)'))
    await user.paste('[{"method":"DELETE","path":"/api/2.0/serving-endpoints/*","status":503}]')
    await user.click(within(dialog).getByRole('button', { name: 'Save mock controls' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')).toEqual({
      latencyMs: 2500,
      failNextDeploy: true,
      faults: [{ method: 'DELETE', path: '/api/2.0/serving-endpoints/*', status: 503 }],
    })
    expect(await screen.findByText('Mock controls saved.')).toBeInTheDocument()
  })

  it('keeps the dialog open with a message at the field for malformed faults', async () => {
    const { user } = renderApp('/ml/endpoints')
    const dialog = await openMenu(user)
    await user.type(within(dialog).getByLabelText('Faults (JSON)'), 'not json')
    await user.click(within(dialog).getByRole('button', { name: 'Save mock controls' }))
    expect(within(dialog).getByLabelText('Faults (JSON)')).toHaveAccessibleDescription(/Faults must be valid JSON/)
    expect(within(dialog).getByLabelText('Faults (JSON)')).toHaveValue('not json')
    expect(window.localStorage.getItem(CONTROLS_KEY)).toBeNull()
  })

  it('Reset demo data drops the stored state', async () => {
    window.localStorage.setItem(STATE_KEY, '{"version":1}')
    await servingApi.list()
    const { user } = renderApp('/ml/endpoints')
    const dialog = await openMenu(user)
    await user.click(within(dialog).getByRole('button', { name: 'Reset demo data' }))
    expect(window.localStorage.getItem(STATE_KEY)).toBeNull()
    expect(await screen.findByText('Demo data reset to the seed.')).toBeInTheDocument()
  })
})
