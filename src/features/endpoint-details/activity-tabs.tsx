// Events (what happened, newest first) and Logs (per served entity: server and build logs).
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useId, useState } from 'react'
import { eventsQuery, logsQuery } from '../../api/queries'
import type { EndpointEvent, EndpointEventType, ServingEndpointDetailed } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { Select } from '../../components/input'
import { RelativeTime } from '../../components/relative-time'
import { Tab, TabList, TabPanel, Tabs } from '../../components/tabs'
import styles from './activity-tabs.module.css'
import shared from './details-shared.module.css'

// The Metrics tab and its chart library load when the tab is first opened.
const MetricsPanel = lazy(() => import('./metrics/metrics-panel'))

const EVENT_LABELS: Record<EndpointEventType, string> = {
  ENDPOINT_CREATED: 'Endpoint created',
  ENDPOINT_READY: 'Endpoint is ready',
  CONFIG_UPDATE_STARTED: 'Update started',
  CONFIG_UPDATE_SUCCEEDED: 'Update succeeded',
  CONFIG_UPDATE_FAILED: 'Update failed',
  CONFIG_UPDATE_CANCELED: 'Update canceled',
  TAGS_UPDATED: 'Tags updated',
  RATE_LIMITS_UPDATED: 'Rate limits updated',
  AI_GATEWAY_UPDATED: 'AI Gateway updated',
}

/** How a creation that did not succeed ended (a success is ENDPOINT_READY): no update was started before it. */
const CREATION_LABELS: Partial<Record<EndpointEventType, string>> = {
  CONFIG_UPDATE_FAILED: 'Creation failed',
  CONFIG_UPDATE_CANCELED: 'Creation canceled',
}
const ROLLOUT_ENDS: readonly EndpointEventType[] = [
  'ENDPOINT_READY',
  'CONFIG_UPDATE_SUCCEEDED',
  'CONFIG_UPDATE_FAILED',
  'CONFIG_UPDATE_CANCELED',
]

/** Labels in time order: a rollout's end before any "Update started" ends the creation, not an update. */
function eventLabels(oldestFirst: readonly EndpointEvent[]): string[] {
  let rolledOut = false
  return oldestFirst.map((event) => {
    const creation = rolledOut ? undefined : CREATION_LABELS[event.type]
    if (event.type === 'CONFIG_UPDATE_STARTED' || ROLLOUT_ENDS.includes(event.type)) rolledOut = true
    return creation ?? EVENT_LABELS[event.type] ?? event.type
  })
}

function EventsPanel({ name }: { name: string }) {
  const query = useQuery(eventsQuery(name))
  if (query.isPending) return <p role="status">Loading events…</p>
  if (query.isError && !query.data) {
    return (
      <Alert title="Couldn't load events" actions={<Button onClick={() => void query.refetch()}>Retry</Button>}>
        {query.error.message}
      </Alert>
    )
  }
  const oldestFirst = [...query.data.events].sort((a, b) => b.timestamp - a.timestamp).reverse()
  const labels = eventLabels(oldestFirst)
  const events = oldestFirst.map((event, index) => ({ event, label: labels[index] })).reverse()
  if (events.length === 0) return <p className={shared.muted}>No events yet.</p>
  return (
    <ol className={styles.events} aria-label="Events, newest first">
      {events.map(({ event, label }, index) => (
        <li key={`${event.timestamp}-${index}`} className={styles.event}>
          <span className={styles.eventTime}>
            <RelativeTime timestamp={event.timestamp} />
          </span>
          <span className={`${styles.eventType} ${event.type === 'CONFIG_UPDATE_FAILED' ? styles.eventFailed : ''}`}>
            {label}
          </span>
          <span className={styles.eventMessage}>
            {event.message}
            {event.served_entity_name && <span className={shared.secondary}> · {event.served_entity_name}</span>}
          </span>
        </li>
      ))}
    </ol>
  )
}

type LogKind = 'server' | 'build'

function LogsPanel({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const entities = [
    ...(endpoint.pending_config?.served_entities.map((e) => ({ name: e.name, pending: true })) ?? []),
    ...(endpoint.config?.served_entities.map((e) => ({ name: e.name, pending: false })) ?? []),
  ].filter((e, i, all) => all.findIndex((o) => o.name === e.name) === i)
  const [chosen, setChosen] = useState(entities[0]?.name ?? '')
  const [kind, setKind] = useState<LogKind>('server')
  const served = entities.some((e) => e.name === chosen) ? chosen : (entities[0]?.name ?? '')
  const query = useQuery({ ...logsQuery(endpoint.name, served, kind), enabled: served !== '' })
  const radioName = useId()

  if (entities.length === 0) return <p className={shared.muted}>This endpoint has no served entities.</p>
  return (
    <div>
      <div className={styles.logControls}>
        <Field label="Served entity">
          {(control) => (
            <Select {...control} value={served} onChange={(e) => setChosen(e.target.value)}>
              {entities.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.pending ? `${e.name} (pending)` : e.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <fieldset className={styles.segmented}>
          <legend className="visually-hidden">Log type</legend>
          {(['server', 'build'] as const).map((k) => (
            <label key={k} className={styles.segment}>
              <input type="radio" name={radioName} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === 'server' ? 'Server logs' : 'Build logs'}
            </label>
          ))}
        </fieldset>
        <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
      {query.isError && <Alert title="Couldn't load logs">{query.error.message}</Alert>}
      {query.isPending && !query.isError ? (
        <p role="status">Loading logs…</p>
      ) : (
        query.data && (
          <pre className={styles.logs} aria-label={`${kind === 'server' ? 'Server' : 'Build'} logs of ${served}`}>
            {query.data.logs || 'No log lines yet.'}
          </pre>
        )
      )}
    </div>
  )
}

export function ActivityTabs({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  return (
    <Tabs defaultValue="events" className={styles.activity}>
      <TabList aria-label="Endpoint activity">
        <Tab value="events">Events</Tab>
        <Tab value="logs">Logs</Tab>
        <Tab value="metrics">Metrics</Tab>
      </TabList>
      <TabPanel value="events">
        <EventsPanel name={endpoint.name} />
      </TabPanel>
      <TabPanel value="logs">
        <LogsPanel endpoint={endpoint} />
      </TabPanel>
      <TabPanel value="metrics">
        <Suspense fallback={<p role="status">Loading metrics…</p>}>
          <MetricsPanel endpoint={endpoint} />
        </Suspense>
      </TabPanel>
    </Tabs>
  )
}
