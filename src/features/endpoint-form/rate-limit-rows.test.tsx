import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../test/render'

describe('rate limit rows', () => {
  it('names the rate-limit keys in words and sends the API values', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create serving endpoint' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add rate limit' }))
    const section = screen.getByRole('region', { name: 'Rate limits' })
    const key = within(section).getByRole('combobox', { name: 'Key' })
    const options = within(key).getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(['Per user', 'Per endpoint'])
    expect(options.map((o) => (o as HTMLOptionElement).value)).toEqual(['user', 'endpoint'])
    await user.selectOptions(key, 'Per endpoint')
    expect(key).toHaveValue('endpoint')
  })
})
