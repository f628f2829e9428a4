// Routes /ml/endpoints/create and /ml/endpoints/:name/edit.
import { useMutationState, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { isApiError } from '../../api/client'
import { updateConfigMutation } from '../../api/mutations'
import { endpointQuery } from '../../api/queries'
import type { ServingEndpointDetailed } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { EDIT_LOCKED_REASON, isPayPerToken } from '../../lib/endpoint-rules'
import { useDocumentTitle } from '../../lib/use-document-title'
import { CreateEndpointForm, EditEndpointForm } from './endpoint-form'
import { EMPTY_FORM } from './form-schema'
import { toFormValues } from './payload'
import styles from './endpoint-form-page.module.css'

export function CreateEndpointPage() {
  useDocumentTitle('Create serving endpoint')
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link to="/ml/endpoints">Serving endpoints</Link>
      </nav>
      <h1 className={styles.title}>Create serving endpoint</h1>
      <CreateEndpointForm defaultValues={EMPTY_FORM} />
    </div>
  )
}

function lockReasonOf(endpoint: ServingEndpointDetailed, ownUpdate: boolean): string | undefined {
  if (isPayPerToken(endpoint)) {
    return 'Foundation Model API endpoints are managed by Databricks and cannot be edited.'
  }
  if (endpoint.permission_level !== 'CAN_MANAGE') return 'You need Can Manage permission on this endpoint to edit it.'
  if (endpoint.state.config_update === 'IN_PROGRESS' && !ownUpdate) return EDIT_LOCKED_REASON
  return undefined
}

export function EditEndpointPage() {
  const { name = '' } = useParams()
  useDocumentTitle(`Edit ${name}`)
  const query = useQuery(endpointQuery(name))
  // Prefill once: background refreshes must not overwrite what the person is typing.
  const [initial, setInitial] = useState<ReturnType<typeof toFormValues> | null>(null)
  if (query.data && initial === null) setInitial(toFormValues(query.data))
  // The update this form just started (before a later part, e.g. tags, failed) must not lock the retry.
  const queryClient = useQueryClient()
  const [openedAt] = useState(() => Date.now())
  const ownUpdate =
    useMutationState({
      filters: {
        mutationKey: updateConfigMutation(queryClient, name).mutationKey,
        status: 'success',
        predicate: (mutation) => mutation.state.submittedAt >= openedAt,
      },
    }).length > 0

  let body
  if (query.isPending) {
    body = <p role="status">Loading endpoint…</p>
  } else if (query.isError) {
    body =
      isApiError(query.error) && query.error.status === 404 ? (
        <Alert title="Endpoint not found">
          No serving endpoint is named “{name}”. <Link to="/ml/endpoints">Back to serving endpoints</Link>
        </Alert>
      ) : (
        <Alert title="Could not load the endpoint" actions={<Button onClick={() => void query.refetch()}>Retry</Button>}>
          {query.error.message}
        </Alert>
      )
  } else if (initial) {
    body = <EditEndpointForm endpoint={query.data} defaultValues={initial} lockReason={lockReasonOf(query.data, ownUpdate)} />
  }

  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link to="/ml/endpoints">Serving endpoints</Link>
        <span aria-hidden="true"> › </span>
        <Link to={`/ml/endpoints/${encodeURIComponent(name)}`}>{name}</Link>
      </nav>
      <h1 className={styles.title}>Edit serving endpoint</h1>
      {body}
    </div>
  )
}
