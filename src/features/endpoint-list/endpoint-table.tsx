// The endpoint table: a real <table> whose body is windowed past 150 rows, with
// aria-rowcount/aria-rowindex so screen readers still hear the whole list.
import { memo, useRef, type ReactNode } from 'react'
import { Link } from 'react-router'
import { SortIcon } from '../../components/icons'
import { RelativeTime } from '../../components/relative-time'
import { StateBadges } from '../../components/state-badge'
import type { EndpointRow, ListItem, SortKey } from './endpoint-rows'
import styles from './endpoint-list.module.css'
import { useRowWindow } from './use-row-window'

export const ROW_HEIGHT = 40
/** Below this many rows every row is rendered: no windowing cost, and the browser's find works. */
export const VIRTUALIZE_ABOVE = 150
const HEADER_HEIGHT = 36
const COLUMNS = 7

interface EndpointTableProps {
  items: readonly ListItem[]
  sort: SortKey
  onSort: (sort: SortKey) => void
  /** Shown as the only body row when there are no items (loading, empty, error). */
  placeholder?: ReactNode
}

export function EndpointTable({ items, sort, onSort, placeholder }: EndpointTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualized = items.length > VIRTUALIZE_ABOVE
  const range = useRowWindow({
    count: items.length,
    rowHeight: ROW_HEIGHT,
    scrollRef,
    margin: HEADER_HEIGHT,
    overscan: 12,
    enabled: virtualized,
  })

  let body: ReactNode
  if (items.length === 0) {
    body = (
      <tr aria-rowindex={2}>
        <td colSpan={COLUMNS} className={styles.placeholderCell}>
          {placeholder}
        </td>
      </tr>
    )
  } else if (virtualized) {
    const rendered = items.slice(range.start, range.end)
    body = (
      <>
        {range.before > 0 && <Spacer height={range.before} />}
        {rendered.map((item, i) => (
          <ItemRow key={itemKey(item)} item={item} rowIndex={range.start + i + 2} />
        ))}
        {range.after > 0 && <Spacer height={range.after} />}
      </>
    )
  } else {
    body = items.map((item, index) => <ItemRow key={itemKey(item)} item={item} rowIndex={index + 2} />)
  }

  return (
    <div ref={scrollRef} className={styles.scroller}>
      <table className={styles.table} aria-label="Serving endpoints" aria-rowcount={Math.max(items.length, 1) + 1}>
        <colgroup>
          <col className={styles.colName} />
          <col className={styles.colState} />
          <col className={styles.colEntities} />
          <col className={styles.colTask} />
          <col className={styles.colTags} />
          <col className={styles.colCreator} />
          <col className={styles.colModified} />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <SortableHeader label="Name" column="name" sort={sort} onSort={onSort} firstDirection="ascending" />
            <th scope="col">State</th>
            <th scope="col">Served entities</th>
            <th scope="col">Task</th>
            <th scope="col">Tags</th>
            <th scope="col">Created by</th>
            <SortableHeader
              label="Last modified"
              column="last_modified"
              sort={sort}
              onSort={onSort}
              firstDirection="descending"
            />
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  )
}

const itemKey = (item: ListItem) => (item.kind === 'group' ? `group:${item.label}` : item.row.endpoint.name)

/** Stands in for the rows scrolled out of view, so the scrollbar matches the whole list. */
function Spacer({ height }: { height: number }) {
  return <tr aria-hidden="true" className={styles.spacer} style={{ height }} />
}

function SortableHeader({
  label,
  column,
  sort,
  onSort,
  firstDirection,
}: {
  label: string
  column: 'name' | 'last_modified'
  sort: SortKey
  onSort: (sort: SortKey) => void
  /** The direction a first click sorts in: names A→Z, times newest first. */
  firstDirection: 'ascending' | 'descending'
}) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none'
  const next = (d: 'ascending' | 'descending'): SortKey => (d === 'ascending' ? column : `-${column}`)
  const toggle = () => {
    if (direction === 'none') onSort(next(firstDirection))
    else onSort(next(direction === 'ascending' ? 'descending' : 'ascending'))
  }
  return (
    <th scope="col" aria-sort={direction === 'none' ? undefined : direction}>
      <button type="button" className={styles.sortButton} onClick={toggle}>
        {label}
        <SortIcon direction={direction} className={styles.sortIcon} />
      </button>
    </th>
  )
}

const ItemRow = memo(function ItemRow({ item, rowIndex }: { item: ListItem; rowIndex: number }) {
  if (item.kind === 'group') {
    return (
      <tr aria-rowindex={rowIndex} className={styles.groupRow}>
        <th colSpan={COLUMNS} scope="rowgroup">
          {item.label}
        </th>
      </tr>
    )
  }
  return <EndpointRowView row={item.row} rowIndex={rowIndex} />
})

function EndpointRowView({ row, rowIndex }: { row: EndpointRow; rowIndex: number }) {
  const { endpoint, entities } = row
  const tags = endpoint.tags ?? []
  const entityText = entities.join(', ')
  return (
    <tr aria-rowindex={rowIndex} className={row.payPerToken ? styles.pinnedRow : undefined}>
      <td>
        <span className={styles.nameCell}>
          <Link to={`/ml/endpoints/${encodeURIComponent(endpoint.name)}`} className={styles.name} title={endpoint.name}>
            {endpoint.name}
          </Link>
          {row.payPerToken && <span className={styles.ppt}>Pay-per-token</span>}
        </span>
      </td>
      <td>
        <StateBadges state={endpoint.state} />
      </td>
      <td>
        <span className={styles.truncate} title={entityText || undefined}>
          {entityText || '—'}
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
    </tr>
  )
}

const MAX_TAG_CHIPS = 2

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
