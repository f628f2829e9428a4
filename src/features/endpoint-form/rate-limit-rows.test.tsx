import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../test/render'

describe('rate limit rows', () => {
  it('names the rate-limit keys in words, sends the API values, and asks for the principal of a group or service principal', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create serving endpoint' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add rate limit' }))
    const section = screen.getByRole('region', { name: 'Rate limits' })
    expect(within(section).getByRole('textbox', { name: 'Calls per minute' })).toBeInTheDocument()
    expect(within(section).getByRole('textbox', { name: 'Tokens per minute' })).toBeInTheDocument()
    const key = within(section).getByRole('combobox', { name: 'Key' })
    const options = within(key).getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['Per user', 'Per endpoint', 'Per user group', 'Per service principal'])
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual(['user', 'endpoint', 'user_group', 'service_principal'])
    expect(within(section).queryByRole('textbox', { name: 'User group' })).not.toBeInTheDocument()
    await user.selectOptions(key, 'Per user group')
    expect(key).toHaveValue('user_group')
    expect(within(section).getByRole('textbox', { name: 'User group' })).toBeInTheDocument()
    await user.selectOptions(key, 'Per service principal')
    expect(within(section).getByRole('textbox', { name: 'Service principal' })).toBeInTheDocument()
  })
})
