import { createBrowserRouter, Navigate } from 'react-router'
import { Layout } from './layout'
import { NotFoundPage } from './not-found-page'

export const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/ml/endpoints" replace /> },
      {
        path: 'ml/endpoints',
        lazy: async () => ({ Component: (await import('../features/endpoint-list/endpoint-list-page')).EndpointListPage }),
      },
      {
        path: 'ml/endpoints/create',
        lazy: async () => ({ Component: (await import('../features/endpoint-form/endpoint-form-page')).CreateEndpointPage }),
      },
      {
        path: 'ml/endpoints/:name',
        lazy: async () => ({
          Component: (await import('../features/endpoint-details/endpoint-details-page')).EndpointDetailsPage,
        }),
      },
      {
        path: 'ml/endpoints/:name/edit',
        lazy: async () => ({ Component: (await import('../features/endpoint-form/endpoint-form-page')).EditEndpointPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

export const createRouter = () => createBrowserRouter(routes)
