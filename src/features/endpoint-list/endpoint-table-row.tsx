// One row of the endpoint table (an endpoint or a group heading) and the spacer rows that stand in
// for rows scrolled out of view. Shared by the plain and the windowed table body.
import { memo } from 'react'
import { PageLink } from '../../components/page-link'
import { RelativeTime } from '../../components/relative-time'
import { StateBadges } from '../../components/state-badge'
import type { EndpointRow, ListItem } from './endpoint-rows'
import styles from './endpoint-table-row.module.css'
import shared from './list-shared.module.css'

export const ROW_HEIGHT = 40
export const COLUMNS = 7

/** Stands in for the rows scrolled out of view, so the scrollbar matches the whole list. */
export function Spacer({ height }: { height: number }) {
  if (height <= 0) return null
  return <tr aria-hidden="true" className={shared.spacerRow} style={{ height }} />
}

export const ItemRow = memo(function ItemRow({ item, rowIndex }: { item: ListItem; rowIndex: number }) {
  if (item.kind === 'group') {
    return (
      <tr aria-rowindex={rowIndex} className={shared.groupRow}>
        <th colSpan={COLUMNS} scope="rowgroup">
          {item.label}
        </th>
      </tr>
    )
  }
  return <EndpointRowView row={item.row} rowIndex={rowIndex} />
})

function EndpointRowView({ row, rowIndex }: { row: EndpointRow; rowIndex: number }) {
  return (
    <tr aria-rowindex={rowIndex} className={row.payPerToken ? styles.pinnedRow : undefined}>
      <EndpointCells row={row} />
    </tr>
  )
}

/** The cells depend on the row alone: a filter that only moves a row re-renders its <tr>, not these. */
const EndpointCells = memo(function EndpointCells({ row }: { row: EndpointRow }) {
  const { endpoint, entities } = row
  const tags = endpoint.tags ?? []
  const entityText = entities.join(', ')
  return (
    <>
      <td>
        <PageLink to={`/ml/endpoints/${encodeURIComponent(endpoint.name)}`} className={styles.name} title={endpoint.name}>
          {endpoint.name}
        </PageLink>
      </td>
      <td>
        <StateBadges state={endpoint.state} />
      </td>
      <td>
        <span className={styles.nameCell}>
          {row.payPerToken && <span className={styles.ppt}>Pay-per-token</span>}
          <span className={styles.truncate} title={entityText || undefined}>
            {entityText || '—'}
          </span>
        </span>
      </td>
      <td>{row.task}</td>
      <td>
        <Tags tags={tags} />
      </td>
      <td>
        <span className={styles.truncate} title={row.creator}>
          {row.creator}
        </span>
      </td>
      <td>
        <RelativeTime timestamp={endpoint.last_updated_timestamp} />
      </td>
    </>
  )
})

/** One whole tag and "+N": two chips in a narrow cell cut both to a few letters. */
const MAX_TAG_CHIPS = 1

function Tags({ tags }: { tags: readonly { key: string; value?: string }[] }) {
  if (tags.length === 0) return <span className={styles.muted}>—</span>
  const text = (t: { key: string; value?: string }) => (t.value ? `${t.key}: ${t.value}` : t.key)
  const shown = tags.slice(0, MAX_TAG_CHIPS)
  const hidden = tags.slice(MAX_TAG_CHIPS)
  return (
    <ul className={styles.tags} aria-label="Tags">
      {shown.map((tag) => (
        <li key={tag.key} className={styles.tag} title={text(tag)}>
          {text(tag)}
        </li>
      ))}
      {hidden.length > 0 && (
        <li className={styles.tagMore} title={hidden.map(text).join(', ')}>
          <span aria-hidden="true">+{hidden.length}</span>
          <span className="visually-hidden">{hidden.map(text).join(', ')}</span>
        </li>
      )}
    </ul>
  )
}
