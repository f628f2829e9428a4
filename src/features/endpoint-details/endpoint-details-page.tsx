// /ml/endpoints/:name — watch a deployment happen, stop a bad rollout, query, tag, delete.
import { Link, useParams } from 'react-router'
import type { ServingEndpointDetailed } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { PanelErrorBoundary } from '../../components/error-boundary'
import { RelativeTime } from '../../components/relative-time'
import { StateBadges } from '../../components/state-badge'
import { useDocumentTitle } from '../../lib/use-document-title'
import { isPayPerToken } from '../../lib/endpoint-rules'
import { ActivityTabs } from './activity-tabs'
import { configRole } from './config-role'
import { ConfigSections } from './config-section'
import styles from './endpoint-details-page.module.css'
import shared from './details-shared.module.css'
import { HeaderActions } from './header-actions'
import { SidePanel } from './side-panel'
import { isNotFound, useEndpointDetails, useRefreshPanelsOnChange } from './use-endpoint-details'

function EndpointNotFound({ name }: { name: string }) {
  return (
    <div className={styles.notFound}>
      <h1>Endpoint not found</h1>
      <p>
        There is no serving endpoint named <strong>{name}</strong> in this workspace. It may have been deleted.
      </p>
      <Link to="/ml/endpoints">Go to Serving endpoints</Link>
    </div>
  )
}

const UPDATE_NOTES: Partial<Record<ServingEndpointDetailed['state']['config_update'], string>> = {
  UPDATE_FAILED: 'The last configuration update failed. See Events for why.',
  UPDATE_CANCELED: 'The last configuration update was canceled.',
}

/** A first config that ended before the endpoint was ever ready: nothing was updated, creation ended. */
const CREATION_NOTES: Partial<Record<ServingEndpointDetailed['state']['config_update'], string>> = {
  UPDATE_FAILED: 'Creation failed: the endpoint never became ready. See Events for why.',
  UPDATE_CANCELED: 'Creation was canceled: the endpoint never became ready.',
}

function updateNote(endpoint: ServingEndpointDetailed): string | undefined {
  const neverReady = !!endpoint.config && configRole(endpoint.config, endpoint.state.ready === 'READY') !== 'active'
  const note = (neverReady ? CREATION_NOTES : UPDATE_NOTES)[endpoint.state.config_update]
  if (!note) return undefined
  if (endpoint.state.ready === 'READY' && endpoint.config) {
    return `${note} Version ${endpoint.config.config_version} keeps serving.`
  }
  return note
}

function EndpointDetails({
  endpoint,
  refreshError,
  refreshedAt,
  onRetry,
}: {
  endpoint: ServingEndpointDetailed
  refreshError?: Error
  refreshedAt: number
  onRetry: () => void
}) {
  useRefreshPanelsOnChange(endpoint)
  const payPerToken = isPayPerToken(endpoint)
  const foundation = payPerToken ? endpoint.config?.served_entities[0]?.foundation_model : undefined
  const note = updateNote(endpoint)
  const entities = endpoint.pending_config?.served_entities ?? endpoint.config?.served_entities

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.titleBlock}>
          <div className={styles.titleRow}>
            <h1 className={styles.title}>{endpoint.name}</h1>
            {payPerToken && <span className={styles.pill}>Pay-per-token</span>}
          </div>
          <div className={styles.stateRow} role="group" aria-label="Serving endpoint state">
            <StateBadges state={endpoint.state} entities={entities} />
            {note && <span className={shared.secondary}>{note}</span>}
          </div>
          {foundation && (
            <p className={shared.secondary}>
              {foundation.display_name}: {foundation.description}
            </p>
          )}
          {refreshError && (
            <p className={styles.refreshNotice} role="status">
              Couldn't refresh ({refreshError.message}). Showing what was loaded <RelativeTime timestamp={refreshedAt} />.{' '}
              <Button size="small" variant="ghost" onClick={onRetry}>
                Retry now
              </Button>
            </p>
          )}
        </div>
        <HeaderActions endpoint={endpoint} />
      </header>
      <div className={styles.layout}>
        <div className={styles.main}>
          <PanelErrorBoundary title="Couldn't show the configuration">
            <ConfigSections
              config={endpoint.config}
              pending={endpoint.pending_config}
              ready={endpoint.state.ready === 'READY'}
              payPerToken={payPerToken}
            />
          </PanelErrorBoundary>
          <PanelErrorBoundary title="Couldn't show events and logs">
            <ActivityTabs endpoint={endpoint} />
          </PanelErrorBoundary>
        </div>
        <PanelErrorBoundary title="Couldn't show the endpoint details">
          <SidePanel endpoint={endpoint} />
        </PanelErrorBoundary>
      </div>
    </div>
  )
}

export function EndpointDetailsPage() {
  const { name = '' } = useParams()
  const query = useEndpointDetails(name)
  const notFound = isNotFound(query.error)
  useDocumentTitle(notFound ? 'Endpoint not found' : name)

  if (notFound) return <EndpointNotFound name={name} />
  if (query.isPending) return <p role="status">Loading {name}…</p>
  if (!query.data) {
    return (
      <div className={styles.page}>
        <h1 className={styles.title}>{name}</h1>
        <Alert title="Couldn't load this endpoint" actions={<Button onClick={() => void query.refetch()}>Retry</Button>}>
          {query.error?.message}
        </Alert>
      </div>
    )
  }
  return (
    <EndpointDetails
      endpoint={query.data}
      refreshError={query.isRefetchError ? query.error : undefined}
      refreshedAt={query.dataUpdatedAt}
      onRetry={() => void query.refetch()}
    />
  )
}
