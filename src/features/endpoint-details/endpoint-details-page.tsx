import { useParams } from 'react-router'
import { useDocumentTitle } from '../../lib/use-document-title'

export function EndpointDetailsPage() {
  const { name = '' } = useParams()
  useDocumentTitle(name)
  return <h1>{name}</h1>
}
