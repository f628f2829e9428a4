import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CONTROLS_KEY } from '../lib/mock-keys'
import { renderApp } from '../test/render'

async function openControls() {
  const app = renderApp('/ml/endpoints')
  await app.user.click(await screen.findByRole('button', { name: /Developer menu/ }))
  // The menu's code loads on first open: allow for a slow first import.
  const dialog = await screen.findByRole('dialog', { name: 'Developer menu' }, { timeout: 5000 })
  const save = () => app.user.click(within(dialog).getByRole('button', { name: 'Save mock controls' }))
  return { ...app, dialog, save }
}

describe('Mock controls form', () => {
  it.each([
    ['Latency (ms)', '60001', 'Must be a number of milliseconds from 0 to 60000.'],
    ['Deploy time (ms)', '1e9', 'Must be a number of milliseconds from 0 to 86400000.'],
    ['Update time (ms)', 'soon', 'Must be a number of milliseconds from 0 to 86400000.'],
    ['Extra endpoints', '20001', 'Must be a whole number from 0 to 20000.'],
    ['Extra endpoints', '2.5', 'Must be a whole number from 0 to 20000.'],
  ])('refuses %s of %s with the mock’s bound at the field, and saves nothing', async (label, value, message) => {
    const { user, dialog, save } = await openControls()
    await user.type(within(dialog).getByLabelText(label), value)
    await save()
    const input = within(dialog).getByLabelText(label)
    expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(window.localStorage.getItem(CONTROLS_KEY)).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Developer menu' })).toBeInTheDocument()
  })

  it.each([
    ['[{"path": "*", "status": 99}]', 'faults[0].status must be an HTTP error status from 400 to 599.'],
    ['[{"path": "*"}]', 'faults[0] needs a status (400–599) or network: true.'],
    ['[{"path": "*", "status": 503, "speed": 1}]', 'faults[0].speed is not a fault field.'],
    ['{"path": "*"}', 'faults must be a list of at most 100 faults.'],
  ])('refuses the faults %s, saying what is wrong', async (faults, message) => {
    const { user, dialog, save } = await openControls()
    await user.click(within(dialog).getByLabelText('Faults (JSON)'))
    await user.paste(faults)
    await save()
    expect(within(dialog).getByLabelText('Faults (JSON)')).toHaveAccessibleDescription(expect.stringContaining(message))
    expect(window.localStorage.getItem(CONTROLS_KEY)).toBeNull()
  })

  it('shows an out-of-range stored value and refuses it on save, until it is corrected', async () => {
    window.localStorage.setItem(CONTROLS_KEY, JSON.stringify({ latencyMs: 1e9 }))
    const { user, dialog, save } = await openControls()
    const latency = within(dialog).getByLabelText('Latency (ms)')
    expect(latency).toHaveValue('1000000000')
    await save()
    expect(latency).toHaveAccessibleDescription(expect.stringContaining('Must be a number of milliseconds from 0 to 60000.'))
    await user.clear(latency)
    await user.type(latency, '60000')
    await user.type(within(dialog).getByLabelText('Extra endpoints'), '20000')
    await save()
    expect(JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')).toEqual({
      latencyMs: 60_000,
      extraEndpoints: 20_000,
      failNextDeploy: false,
      faults: [],
    })
  })

  it('saves an emptied field as unset, so the default applies', async () => {
    window.localStorage.setItem(CONTROLS_KEY, JSON.stringify({ latencyMs: 10, deployMs: 500 }))
    const { user, dialog, save } = await openControls()
    await user.clear(within(dialog).getByLabelText('Deploy time (ms)'))
    await save()
    expect(JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')).toEqual({
      latencyMs: 10,
      failNextDeploy: false,
      faults: [],
    })
  })

  it('saves background traffic per endpoint, and refuses a rate out of bounds', async () => {
    const { user, dialog, save } = await openControls()
    const traffic = within(dialog).getByLabelText('Background traffic (JSON)')
    await user.click(traffic)
    await user.paste('{"churn-predictor": 20000}')
    await save()
    expect(traffic).toHaveAccessibleDescription(
      expect.stringContaining('traffic.churn-predictor must be "off" or requests per minute from 0 to 10000.'),
    )
    expect(window.localStorage.getItem(CONTROLS_KEY)).toBeNull()
    await user.clear(traffic)
    await user.click(traffic)
    await user.paste('{"churn-predictor": "off", "fresh": 30}')
    await save()
    expect(JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')).toMatchObject({
      traffic: { 'churn-predictor': 'off', fresh: 30 },
    })
  })

  it('saves the caller and their groups, and unsets the caller when emptied', async () => {
    const { user, dialog, save } = await openControls()
    await user.type(within(dialog).getByLabelText('Caller'), 'sam@example.com')
    await user.type(within(dialog).getByLabelText(/Caller's groups/), 'support, admins')
    await save()
    expect(JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')).toMatchObject({
      caller: { user_name: 'sam@example.com', groups: ['support', 'admins'] },
    })
  })

  it('refuses groups without a caller, at the Caller field', async () => {
    window.localStorage.setItem(CONTROLS_KEY, JSON.stringify({ caller: { user_name: 'sam@example.com', groups: ['x'] } }))
    const { user, dialog, save } = await openControls()
    const caller = within(dialog).getByLabelText('Caller')
    expect(caller).toHaveValue('sam@example.com')
    await user.clear(caller)
    await save()
    expect(caller).toHaveAccessibleDescription(expect.stringContaining('Enter the caller whose groups these are.'))
    await user.clear(within(dialog).getByLabelText(/Caller's groups/))
    await save()
    expect(JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')).not.toHaveProperty('caller')
  })
})
