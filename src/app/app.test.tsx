import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../test/render'

describe('app shell', () => {
  it('redirects / to the endpoint list and marks Serving as the current page', async () => {
    const { router } = renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ml/endpoints')
    expect(screen.getByRole('link', { name: 'Serving' })).toHaveAttribute('aria-current', 'page')
    // The title is set in an effect, which may run just after the heading appears.
    await waitFor(() => expect(document.title).toMatch(/^Serving endpoints/))
  })

  it('shows Page not found with a way back for an unknown path', async () => {
    const { user, router } = renderApp('/no/such/page')
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Go to Serving endpoints' }))
    expect(router.state.location.pathname).toBe('/ml/endpoints')
  })
})
