import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
// The DOM build of RouterProvider: it carries ReactDOM.flushSync, which navigations with `flushSync` need.
import { RouterProvider } from 'react-router/dom'
import { NoticeProvider } from '../components/notices'
import { createRouter } from './router'

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <RouterProvider router={createRouter()} />
      </NoticeProvider>
    </QueryClientProvider>
  )
}
