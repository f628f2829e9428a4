import { useParams } from 'react-router'
import { useDocumentTitle } from '../../lib/use-document-title'

export function CreateEndpointPage() {
  useDocumentTitle('Create serving endpoint')
  return <h1>Create serving endpoint</h1>
}

export function EditEndpointPage() {
  const { name = '' } = useParams()
  useDocumentTitle(`Edit ${name}`)
  return <h1>Edit serving endpoint</h1>
}
