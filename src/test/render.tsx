// Component-test helpers: the real app routes in memory, a fresh QueryClient (retry off) per test.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter } from 'react-router'
import { RouterProvider } from 'react-router/dom'
import { routes } from '../app/router'
import { NoticeProvider } from '../components/notices'

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0, gcTime: Infinity }, mutations: { retry: false } },
  })
}

export interface RenderAppResult extends RenderResult {
  user: ReturnType<typeof userEvent.setup>
  router: ReturnType<typeof createMemoryRouter>
  queryClient: QueryClient
}

/** Renders the whole app at `path`, as a person would land on it. */
export function renderApp(
  path: string,
  {
    queryClient = createTestQueryClient(),
    userOptions,
  }: { queryClient?: QueryClient; userOptions?: Parameters<typeof userEvent.setup>[0] } = {},
): RenderAppResult {
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup(userOptions)
  const result = render(
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <RouterProvider router={router} />
      </NoticeProvider>
    </QueryClientProvider>,
  )
  return { ...result, user, router, queryClient }
}
