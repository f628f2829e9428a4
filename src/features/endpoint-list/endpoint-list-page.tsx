import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { listEndpointsQuery } from '../../api/queries'
import { StateBadges } from '../../components/state-badge'
import { useDocumentTitle } from '../../lib/use-document-title'

/** Minimal list (name and state) so the mock wiring is visible; the full page is issue #3. */
export function EndpointListPage() {
  useDocumentTitle('Serving endpoints')
  const { data, error, isPending } = useQuery(listEndpointsQuery())
  return (
    <section>
      <h1>Serving endpoints</h1>
      {isPending && <p role="status">Loading endpoints…</p>}
      {error && <p role="alert">{error.message}</p>}
      {data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {data.endpoints.map((e) => (
              <tr key={e.name}>
                <td>
                  <Link to={`/ml/endpoints/${encodeURIComponent(e.name)}`}>{e.name}</Link>
                </td>
                <td>
                  <StateBadges state={e.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
