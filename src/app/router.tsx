// The app's routes, as route objects for React Router's declarative mode (`useRoutes` in app.tsx): the list page
// carries no data router (about 16 kB gzip less than createBrowserRouter). Each page's code is its own
// chunk; a route's `handle` names what to start before React renders: the page's code and first data.
import { Navigate, matchRoutes, type RouteObject } from 'react-router'
import { currentUserQuery, endpointQuery, listEndpointsQuery } from '../api/queries'
import { lazyPage } from './lazy-page'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'
import type { RouteHandle } from './prefetch'

const listPage = lazyPage(async () => (await import('../features/endpoint-list/endpoint-list-page')).EndpointListPage)
const createPage = lazyPage(async () => (await import('../features/endpoint-form/endpoint-form-page')).CreateEndpointPage)
const detailsPage = lazyPage(async () => (await import('../features/endpoint-details/endpoint-details-page')).EndpointDetailsPage)
const editPage = lazyPage(async () => (await import('../features/endpoint-form/endpoint-form-page')).EditEndpointPage)

const rootHandle: RouteHandle = { prefetch: (client) => void client.prefetchQuery(currentUserQuery()) }
const endpointPrefetch: RouteHandle['prefetch'] = (client, { name }) => {
  if (name) void client.prefetchQuery(endpointQuery(name))
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    handle: rootHandle,
    children: [
      { index: true, element: <Navigate to="/ml/endpoints" replace /> },
      {
        path: 'ml/endpoints',
        element: listPage.element,
        handle: {
          preload: listPage.preload,
          prefetch: (client) => void client.prefetchQuery(listEndpointsQuery()),
        } satisfies RouteHandle,
      },
      { path: 'ml/endpoints/create', element: createPage.element, handle: { preload: createPage.preload } },
      {
        path: 'ml/endpoints/:name',
        element: detailsPage.element,
        handle: { preload: detailsPage.preload, prefetch: endpointPrefetch },
      },
      {
        path: 'ml/endpoints/:name/edit',
        element: editPage.element,
        handle: { preload: editPage.preload, prefetch: endpointPrefetch },
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

/** The routes matching a location (pathname, with or without a search), outermost first. */
export const matchesAt = (pathname: string) => matchRoutes(routes, pathname) ?? []
