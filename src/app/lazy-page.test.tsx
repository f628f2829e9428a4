import { act, render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { lazyPage } from './lazy-page'

function renderCountingFallbacks(element: React.ReactElement) {
  const fallbacks: number[] = []
  function Fallback() {
    fallbacks.push(1)
    return <p>Loading…</p>
  }
  render(<Suspense fallback={<Fallback />}>{element}</Suspense>)
  return fallbacks
}

describe('lazyPage', () => {
  it('renders a preloaded page at once, never through its Loading… fallback', async () => {
    const page = lazyPage(async () => () => <h1>Serving endpoints</h1>)
    await page.preload()
    const fallbacks = renderCountingFallbacks(page.element)
    expect(screen.getByRole('heading', { name: 'Serving endpoints' })).toBeInTheDocument()
    expect(fallbacks).toHaveLength(0)
  })

  it('shows the fallback while a page that was not preloaded loads, then the page', async () => {
    let done: (page: React.ComponentType) => void = () => {}
    const page = lazyPage(() => new Promise((resolve) => (done = resolve)))
    const fallbacks = renderCountingFallbacks(page.element)
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    await act(async () => done(() => <h1>Endpoint details</h1>))
    expect(await screen.findByRole('heading', { name: 'Endpoint details' })).toBeInTheDocument()
    expect(fallbacks.length).toBeGreaterThan(0)
  })

  it('loads the chunk once, however often it is preloaded', async () => {
    let loads = 0
    const page = lazyPage(async () => {
      loads++
      return () => <p>page</p>
    })
    await Promise.all([page.preload(), page.preload()])
    await page.preload()
    expect(loads).toBe(1)
  })
})
