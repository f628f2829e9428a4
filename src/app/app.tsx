import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
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
