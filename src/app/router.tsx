import { createBrowserRouter, Navigate } from 'react-router'
import { currentUserQuery, endpointQuery, listEndpointsQuery } from '../api/queries'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import type { RouteHandle } from './prefetch'

const rootHandle: RouteHandle = { prefetch: (client) => void client.prefetchQuery(currentUserQuery()) }
const listHandle: RouteHandle = { prefetch: (client) => void client.prefetchQuery(listEndpointsQuery()) }
const endpointHandle: RouteHandle = {
  prefetch: (client, { name }) => {
    if (name) void client.prefetchQuery(endpointQuery(name))
  },
}

/** Shown in the page area while a page's code loads on the first visit (the header is already there). */
const pageLoading = <p role="status">Loading…</p>

export const routes = [
  {
    path: '/',
    element: <Layout />,
    handle: rootHandle,
    children: [
      { index: true, element: <Navigate to="/ml/endpoints" replace /> },
      {
        path: 'ml/endpoints',
        handle: listHandle,
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('../features/endpoint-list/endpoint-list-page')).EndpointListPage }),
      },
      {
        path: 'ml/endpoints/create',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('../features/endpoint-form/endpoint-form-page')).CreateEndpointPage }),
      },
      {
        path: 'ml/endpoints/:name',
        handle: endpointHandle,
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({
          Component: (await import('../features/endpoint-details/endpoint-details-page')).EndpointDetailsPage,
        }),
      },
      {
        path: 'ml/endpoints/:name/edit',
        handle: endpointHandle,
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('../features/endpoint-form/endpoint-form-page')).EditEndpointPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

/** Creating the router starts loading the current page's code at once. */
export const createRouter = () => createBrowserRouter(routes)
export type AppRouter = ReturnType<typeof createRouter>
