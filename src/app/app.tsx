import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { BrowserRouter, useRoutes } from 'react-router'
import { NoticeProvider } from '../components/notices'
import { PagePreloadProvider } from '../components/page-preload'
import { preloadPage } from './prefetch'
import { routes } from './router'

/** The app's pages; rendered inside a BrowserRouter (or a MemoryRouter in tests). */
export function AppRoutes() {
  return useRoutes(routes)
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <PagePreloadProvider value={preloadPage}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </PagePreloadProvider>
      </NoticeProvider>
    </QueryClientProvider>
  )
}
