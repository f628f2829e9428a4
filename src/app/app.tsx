import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
// The DOM build of RouterProvider (react-router/dom), as React Router documents for browser apps.
import { RouterProvider } from 'react-router/dom'
import { NoticeProvider } from '../components/notices'
import type { AppRouter } from './router'

export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <RouterProvider router={router} />
      </NoticeProvider>
    </QueryClientProvider>
  )
}
