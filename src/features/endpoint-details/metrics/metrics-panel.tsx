// The Metrics tab (loaded when opened): time range, served-entity filter, one chart per metric or
// their tables. Refreshes every minute while shown and the page is in the foreground.
import { useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useSearchParams } from 'react-router'
import { isApiError } from '../../../api/client'
import { metricsHistoryQuery } from '../../../api/metrics-queries'
import type { ServingEndpointDetailed } from '../../../api/types'
import { currentBackend } from '../../../app/backend'
import { Alert } from '../../../components/alert'
import { Button } from '../../../components/button'
import { Field } from '../../../components/field'
import { Select } from '../../../components/input'
import { ChartTable } from './chart-table'
import { TIME_RANGES, chartsOf, formatTime, hasRequests } from './charts'
import { TimeSeriesChart } from './time-series-chart'
import styles from './metrics.module.css'

const ALL = ''
const RANGE_PARAM = 'metrics_range'

function NotAvailable() {
  return (
    <Alert tone="info" title="Metrics charts are not available from this backend">
      The charts read the mock&apos;s metrics-history route, which a Databricks workspace does not offer. Open the endpoint in the
      Databricks console for its charts, or scrape its Prometheus metrics from GET
      /api/2.0/serving-endpoints/&#123;name&#125;/metrics.
    </Alert>
  )
}

export default function MetricsPanel({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  if (currentBackend().kind === 'workspace') return <NotAvailable />
  return <MetricsCharts endpoint={endpoint} />
}

function MetricsCharts({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  // The range is kept in the URL: it survives a switch to another tab and back, and a reload.
  const [params, setParams] = useSearchParams()
  const range = TIME_RANGES.find((r) => r.key === params.get(RANGE_PARAM)) ?? TIME_RANGES[0]
  const setRange = (key: string) =>
    setParams(
      (current) => {
        current.set(RANGE_PARAM, key)
        return current
      },
      { replace: true },
    )
  const [served, setServed] = useState(ALL)
  const [asTable, setAsTable] = useState(false)
  const entities = endpoint.config?.served_entities.map((e) => e.name) ?? []
  const entity = entities.includes(served) ? served : ALL
  const query = useQuery(metricsHistoryQuery(endpoint.name, range.ms, entity || undefined))
  const id = useId()

  const controls = (
    <div className={styles.controls}>
      <Field label="Time range">
        {(control) => (
          <Select {...control} value={range.key} onChange={(e) => setRange(e.target.value)}>
            {TIME_RANGES.map((r) => (
              <option key={r.key} value={r.key}>
                {r.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Served entity">
        {(control) => (
          <Select {...control} value={entity} onChange={(e) => setServed(e.target.value)}>
            <option value={ALL}>All served entities</option>
            {entities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button aria-pressed={asTable} onClick={() => setAsTable((shown) => !shown)}>
        Show as table
      </Button>
    </div>
  )

  if (query.isError && isApiError(query.error) && query.error.errorCode === 'ENDPOINT_NOT_FOUND') return <NotAvailable />
  if (query.isPending) {
    return (
      <div className={styles.panel}>
        {controls}
        <p role="status">Loading metrics…</p>
      </div>
    )
  }
  if (query.isError && !query.data) {
    return (
      <div className={styles.panel}>
        {controls}
        <Alert title="Couldn't load metrics" actions={<Button onClick={() => void query.refetch()}>Retry</Button>}>
          {query.error.message}
        </Alert>
      </div>
    )
  }
  const history = query.data
  const charts = chartsOf(history)
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0).toLocaleString('en-US')
  const last = history.timestamps.at(-1)
  return (
    <div className={styles.panel}>
      {controls}
      {query.isError && (
        <Alert
          tone="warning"
          title="Couldn't refresh metrics"
          actions={<Button onClick={() => void query.refetch()}>Retry</Button>}
        >
          {query.error.message} The charts show the last metrics loaded.
        </Alert>
      )}
      <dl className={styles.summary}>
        <div>
          <dt>Requests</dt>
          <dd>{total(history.request_count)}</dd>
        </div>
        <div>
          <dt>4xx</dt>
          <dd>{total(history.request_4xx_count)}</dd>
        </div>
        <div>
          <dt>5xx</dt>
          <dd>{total(history.request_5xx_count)}</dd>
        </div>
        {last !== undefined && (
          <div>
            <dt>Up to</dt>
            <dd>{formatTime(last + history.step_seconds * 1000)}</dd>
          </div>
        )}
      </dl>
      {!hasRequests(history) && (
        <p role="status" className={styles.empty}>
          No requests in this period
        </p>
      )}
      <div className={`${styles.grid} ${asTable ? styles.tables : ''}`}>
        {charts.map((spec) => (
          <figure key={spec.id} className={styles.chart} aria-labelledby={`${id}-${spec.id}`}>
            <figcaption id={`${id}-${spec.id}`} className={styles.title}>
              {spec.title}
              <span className={styles.unit}>
                {spec.unit
                  ? ` (${spec.unit === 'req/s' ? 'requests per second' : spec.unit === '%' ? 'percent' : 'milliseconds'})`
                  : ''}
                {`, ${range.label.toLowerCase()}${entity ? `, ${entity}` : ''}`}
              </span>
            </figcaption>
            {asTable ? (
              <ChartTable spec={spec} timestamps={history.timestamps} />
            ) : (
              <TimeSeriesChart spec={spec} timestamps={history.timestamps} />
            )}
          </figure>
        ))}
      </div>
    </div>
  )
}
