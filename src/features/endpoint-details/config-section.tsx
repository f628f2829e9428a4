// Active and pending configurations side by side, with what the pending one changes marked in words.
import { Fragment, useId } from 'react'
import type { Deployment, EndpointCoreConfigOutput, EndpointPendingConfig, ServedEntityOutput } from '../../api/types'
import { RelativeTime } from '../../components/relative-time'
import { CheckIcon, CircleIcon, ErrorIcon, SpinnerIcon, WarnIcon } from '../../components/icons'
import { configRole, type ConfigRole } from './config-role'
import { diffConfigs, trafficOf, type DiffField, type EntityChange } from './config-diff'
import styles from './config-section.module.css'
import shared from './details-shared.module.css'
import { computeText, DEPLOYMENT_LABELS, entityText } from './served-entity-text'

const DEPLOYMENT_ICON: Record<Deployment, { Icon: typeof CheckIcon; className: string }> = {
  DEPLOYMENT_READY: { Icon: CheckIcon, className: styles.ok },
  DEPLOYMENT_CREATING: { Icon: SpinnerIcon, className: `${styles.info} ${shared.spin}` },
  DEPLOYMENT_RECOVERING: { Icon: SpinnerIcon, className: `${styles.info} ${shared.spin}` },
  DEPLOYMENT_FAILED: { Icon: ErrorIcon, className: styles.error },
  DEPLOYMENT_ABORTED: { Icon: WarnIcon, className: styles.warn },
}

interface TableProps {
  config: EndpointCoreConfigOutput
  side: 'active' | 'pending'
  changes: Map<string, EntityChange>
  /** The other side, to say what a changed value was. */
  other?: EndpointCoreConfigOutput
  payPerToken: boolean
  labelledBy: string
}

/** Wraps only between " · " parts, the dot ending the line: "CPU · Small ·" / "scale to zero". */
function Segments({ text }: { text: string }) {
  const parts = text.split(' · ')
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && ' '}
      <span className={styles.segmentText}>{index < parts.length - 1 ? `${part} ·` : part}</span>
    </Fragment>
  ))
}

/** Long Unity Catalog names (catalog.schema.model) may wrap after a dot rather than widen the table. */
function BreakAfterDots({ text }: { text: string }) {
  return text.split(/(?<=\.)/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ))
}

function changedFields(change: EntityChange | undefined): DiffField[] {
  return change?.kind === 'changed' ? change.fields : []
}

function EntityRow({
  entity,
  change,
  config,
  other,
  side,
  payPerToken,
}: Omit<TableProps, 'labelledBy' | 'changes'> & {
  entity: ServedEntityOutput
  change?: EntityChange
}) {
  const fields = side === 'pending' ? changedFields(change) : []
  const before = other?.served_entities.find((e) => e.name === entity.name)
  const { Icon, className } = DEPLOYMENT_ICON[entity.state.deployment]
  const envNames = Object.keys(entity.environment_vars ?? {})
  const marker =
    side === 'pending' && change?.kind === 'added'
      ? 'New'
      : side === 'active' && change?.kind === 'removed'
        ? 'Removed in pending'
        : undefined
  const cellClass = (field: DiffField) => (fields.includes(field) ? styles.changed : undefined)
  const was = (field: DiffField, text: string | undefined) =>
    fields.includes(field) && text !== undefined ? <span className={styles.was}>was {text}</span> : null

  return (
    <tr className={marker ? (change?.kind === 'added' ? styles.added : styles.removed) : undefined}>
      <td className={cellClass('entity')}>
        <div className={styles.entityName}>
          {entity.name}
          {marker && <span className={styles.marker}>{marker}</span>}
        </div>
        <div className={shared.secondary}>
          <BreakAfterDots text={entityText(entity)} />
        </div>
        {envNames.length > 0 && (
          // Names only: a value may be a credential typed as plain text.
          <div className={shared.secondary}>Environment: {envNames.join(', ')}</div>
        )}
        {was('entity', before && entityText(before))}
      </td>
      <td>
        <span className={styles.deployment}>
          <Icon className={className} />
          {DEPLOYMENT_LABELS[entity.state.deployment]}
        </span>
        {entity.state.deployment_state_message && <div className={shared.secondary}>{entity.state.deployment_state_message}</div>}
      </td>
      <td className={cellClass('compute')}>
        <Segments text={computeText(entity, payPerToken)} />
        {was('compute', before && computeText(before, payPerToken))}
      </td>
      <td className={`${styles.number} ${cellClass('traffic') ?? ''}`}>
        {trafficOf(config, entity.name)}%{was('traffic', before && `${trafficOf(other ?? config, before.name)}%`)}
      </td>
    </tr>
  )
}

function EntitiesTable({ config, side, changes, other, payPerToken, labelledBy }: TableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">Served entity</th>
            <th scope="col">State</th>
            <th scope="col">Compute</th>
            <th scope="col" className={styles.number}>
              Traffic
            </th>
          </tr>
        </thead>
        <tbody>
          {config.served_entities.map((entity) => (
            <EntityRow
              key={entity.name}
              entity={entity}
              change={changes.get(entity.name)}
              config={config}
              other={other}
              side={side}
              payPerToken={payPerToken}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

const ROLE_TITLES: Record<Exclude<ConfigRole, 'active'>, { title: string; note: string }> = {
  canceled: { title: 'Canceled configuration', note: 'Canceled before it became ready: it never served traffic.' },
  failed: {
    title: 'Failed configuration',
    note: 'Failed to deploy: it never served traffic. See Events and the build logs for why.',
  },
}

export function ConfigSections({
  config,
  pending,
  ready,
  payPerToken,
}: {
  config?: EndpointCoreConfigOutput
  pending?: EndpointPendingConfig
  /** The endpoint's state.ready: a config on a never-ready endpoint is not active. */
  ready: boolean
  payPerToken: boolean
}) {
  const activeId = useId()
  const pendingId = useId()
  const endedId = useId()
  const role = config ? configRole(config, ready) : 'active'
  const active = role === 'active' ? config : undefined
  const ended = role !== 'active' && config ? { config, ...ROLE_TITLES[role] } : undefined
  const changes = diffConfigs(active, pending)
  return (
    // Side by side only when both hold a table; a creating endpoint's placeholder goes above.
    <div className={pending && active ? styles.configsSplit : styles.configs}>
      <section className={styles.config} aria-labelledby={activeId}>
        <header className={styles.configHeader}>
          <h2 id={activeId}>Active configuration</h2>
          {active && <span className={shared.secondary}>Version {active.config_version}</span>}
        </header>
        {active ? (
          <EntitiesTable
            config={active}
            side="active"
            changes={changes}
            other={pending}
            payPerToken={payPerToken}
            labelledBy={activeId}
          />
        ) : ended ? (
          <p className={styles.empty}>
            <CircleIcon /> No active configuration — this endpoint has never served traffic.
          </p>
        ) : (
          <p className={styles.empty}>
            <CircleIcon /> Nothing is serving yet: the configuration becomes active once the endpoint is ready.
          </p>
        )}
      </section>
      {ended && (
        <section className={styles.config} aria-labelledby={endedId}>
          <header className={styles.configHeader}>
            <h2 id={endedId}>{ended.title}</h2>
            <span className={shared.secondary}>Version {ended.config.config_version}</span>
          </header>
          <p className={shared.secondary}>{ended.note}</p>
          <EntitiesTable config={ended.config} side="active" changes={changes} payPerToken={payPerToken} labelledBy={endedId} />
        </section>
      )}
      {pending && (
        <section className={`${styles.config} ${styles.pendingConfig}`} aria-labelledby={pendingId}>
          <header className={styles.configHeader}>
            <h2 id={pendingId}>Pending configuration</h2>
            <span className={shared.secondary}>
              Version {pending.config_version} · started <RelativeTime timestamp={pending.start_time} />
            </span>
          </header>
          <EntitiesTable
            config={pending}
            side="pending"
            changes={changes}
            other={active}
            payPerToken={payPerToken}
            labelledBy={pendingId}
          />
        </section>
      )}
    </div>
  )
}
