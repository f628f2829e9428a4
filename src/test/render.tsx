// Component-test helpers: the real app routes in memory, a fresh QueryClient (retry off) per test.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, type Location, type NavigateFunction, type To } from 'react-router'
import { AppRoutes } from '../app/app'
import { NoticeProvider } from '../components/notices'
import { RouterProbe } from './router-probe'

export function createTestQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 0, gcTime: Infinity }, mutations: { retry: false } },
  })
}

/** Where the app is and a way to move it, as a test asks (the memory router's own state is internal). */
export interface TestRouter {
  readonly state: { readonly location: Location }
  navigate(to: To | number): Promise<void>
}

interface Probe {
  location?: Location
  navigate?: NavigateFunction
}

function testRouter(probe: Probe): TestRouter {
  const must = <T,>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The app has not rendered yet')
    return value
  }
  return {
    get state() {
      return { location: must(probe.location) }
    },
    async navigate(to) {
      const navigate = must(probe.navigate)
      await (typeof to === 'number' ? navigate(to) : navigate(to))
    },
  }
}

export interface RenderAppResult extends RenderResult {
  user: ReturnType<typeof userEvent.setup>
  router: TestRouter
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
  const probe: Probe = {}
  const user = userEvent.setup(userOptions)
  const result = render(
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <RouterProbe
            onRender={(location, navigate) => {
              probe.location = location
              probe.navigate = navigate
            }}
          />
        </MemoryRouter>
      </NoticeProvider>
    </QueryClientProvider>,
  )
  return { ...result, user, router: testRouter(probe), queryClient }
}
