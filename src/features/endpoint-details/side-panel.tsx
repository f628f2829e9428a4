// The side panel: who and when, where to call it, what the user may do, tags, limits and gateway.
import type { AiGatewayConfig, GuardrailParameters, ServingEndpointDetailed } from '../../api/types'
import { CopyButton } from '../../components/copy-button'
import { RelativeTime } from '../../components/relative-time'
import { abilitiesFor, PERMISSION_LABELS } from './abilities'
import styles from './side-panel.module.css'
import shared from './details-shared.module.css'
import { taskLabel } from '../../lib/endpoint-rules'
import { GatewayEditButton } from './gateway-edit-button'
import { activeTask } from './served-entity-text'
import { invocationUrl, rateLimitText } from './side-panel-text'
import { TagsEditor } from './tags-editor'

function guardrailText(params: GuardrailParameters | undefined): string {
  if (!params) return 'Off'
  const parts: string[] = []
  if (params.safety) parts.push('safety filter')
  if (params.pii && params.pii.behavior !== 'NONE') parts.push(`PII ${params.pii.behavior === 'BLOCK' ? 'blocked' : 'masked'}`)
  if (params.invalid_keywords?.length) parts.push(`${params.invalid_keywords.length} blocked keyword(s)`)
  if (params.valid_topics?.length) parts.push(`${params.valid_topics.length} allowed topic(s)`)
  return parts.length ? parts.join(', ') : 'Off'
}

function GatewaySummary({ gateway }: { gateway?: AiGatewayConfig }) {
  const table = gateway?.inference_table_config
  const onOff = (on: boolean | undefined) => (on ? 'On' : 'Off')
  return (
    <dl className={styles.facts}>
      <dt>Usage tracking</dt>
      <dd>{onOff(gateway?.usage_tracking_config?.enabled)}</dd>
      <dt>Inference tables</dt>
      <dd>
        {table?.enabled ? [table.catalog_name, table.schema_name, table.table_name_prefix].filter(Boolean).join('.') : 'Off'}
      </dd>
      <dt>Input guardrails</dt>
      <dd>{guardrailText(gateway?.guardrails?.input)}</dd>
      <dt>Output guardrails</dt>
      <dd>{guardrailText(gateway?.guardrails?.output)}</dd>
      <dt>Fallbacks</dt>
      <dd>{onOff(gateway?.fallback_config?.enabled)}</dd>
    </dl>
  )
}

export function SidePanel({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const url = invocationUrl(endpoint)
  const can = abilitiesFor(endpoint)
  const limits = endpoint.ai_gateway?.rate_limits ?? []
  return (
    <aside className={styles.aside} aria-label="Endpoint information">
      <section className={styles.panel} aria-labelledby="details-about">
        <h2 id="details-about">About</h2>
        <dl className={styles.facts}>
          <dt>Created by</dt>
          <dd>{endpoint.creator ?? 'Databricks'}</dd>
          <dt>Created</dt>
          <dd>
            <RelativeTime timestamp={endpoint.creation_timestamp} />
          </dd>
          <dt>Last modified</dt>
          <dd>
            <RelativeTime timestamp={endpoint.last_updated_timestamp} />
          </dd>
          <dt>Permission</dt>
          <dd>{PERMISSION_LABELS[endpoint.permission_level]}</dd>
          <dt>Task</dt>
          <dd>{taskLabel(activeTask(endpoint))}</dd>
        </dl>
        <div className={styles.urlBlock}>
          <div className={styles.factLabel} id="details-url">
            Endpoint URL
          </div>
          <div className={styles.url}>
            <code>{url}</code>
            <CopyButton text={url} label="Copy endpoint URL" />
          </div>
        </div>
      </section>
      <section className={styles.panel} aria-labelledby="details-tags">
        <h2 id="details-tags">Tags</h2>
        <TagsEditor name={endpoint.name} tags={endpoint.tags ?? []} editable={can.manage} />
      </section>
      <section className={styles.panel} aria-labelledby="details-rate-limits">
        <h2 id="details-rate-limits">Rate limits</h2>
        {limits.length === 0 ? (
          <p className={shared.muted}>No rate limits</p>
        ) : (
          <ul className={styles.plainList}>
            {limits.map((limit, index) => (
              <li key={index}>{rateLimitText(limit)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.panel} aria-labelledby="details-gateway">
        <h2 id="details-gateway">AI Gateway</h2>
        <GatewaySummary gateway={endpoint.ai_gateway} />
        <GatewayEditButton endpoint={endpoint} />
      </section>
    </aside>
  )
}
