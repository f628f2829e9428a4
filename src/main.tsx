import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import './styles/global.css'

/** The embedded mock backend starts before React renders; it lives in its own chunk. */
async function startMockBackend(): Promise<void> {
  if (import.meta.env.VITE_BACKEND && import.meta.env.VITE_BACKEND !== 'browser-mock') return
  const { worker } = await import('./mocks/browser')
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
}

void startMockBackend().then(() => {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} />
    </StrictMode>,
  )
})
