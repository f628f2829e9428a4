import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { prefetchMatches, preloadMatches } from './app/prefetch'
import { matchesAt } from './app/router'
import { registerWorkerEarly } from './mocks/register-worker'
import './styles/global.css'

/**
 * The embedded mock backend, in its own chunk, starts before React renders: whatever a page shows, the
 * mock already answers (users' e2e suites fetch from the page as soon as it shows). Once it answers,
 * `<html data-mock-backend="ready">` says so too.
 */
async function startMockBackend(): Promise<void> {
  if (import.meta.env.VITE_BACKEND && import.meta.env.VITE_BACKEND !== 'browser-mock') return
  const [{ worker }] = await Promise.all([import('./mocks/browser'), registerWorkerEarly()])
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
  document.documentElement.dataset.mockBackend = 'ready'
}

function render() {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )
}

// This page's code first: it downloads while the mock downloads and starts.
const matches = matchesAt(window.location.pathname)
// Rendered only once this is in too: a page that suspends on its first render shows "Loading…" and
// React then holds its content back for 300 ms (the Suspense reveal throttle).
const pageCode = preloadMatches(matches).catch(() => undefined)
const queryClient = createQueryClient()
startMockBackend()
  // A mock that cannot start (service workers off) still gets a page: its requests then fail, and
  // every page explains that with a way to retry.
  .catch((error: unknown) => console.error('The embedded mock backend did not start:', error))
  .finally(async () => {
    // The page's first requests go out now, while React renders.
    prefetchMatches(queryClient, matches)
    await pageCode
    render()
  })
