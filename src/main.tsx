import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { holdRequestsUntil } from './api/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { createRouter } from './app/router'
import './styles/global.css'

/**
 * The embedded mock backend, in its own chunk; the first request waits for it, the first render does not.
 * Once it answers, `<html data-mock-backend="ready">` tells e2e suites that their own in-page fetches reach it.
 */
async function startMockBackend(): Promise<void> {
  if (import.meta.env.VITE_BACKEND && import.meta.env.VITE_BACKEND !== 'browser-mock') return
  const { worker } = await import('./mocks/browser')
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
  document.documentElement.dataset.mockBackend = 'ready'
}

// The router first: it starts fetching this page's code while the mock backend downloads and starts.
const router = createRouter()
const mockStarted = startMockBackend()
mockStarted.catch((error: unknown) => console.error('The embedded mock backend did not start:', error))
holdRequestsUntil(mockStarted)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} router={router} />
  </StrictMode>,
)
