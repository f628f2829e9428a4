// The endpoint table: a real <table> whose body is windowed past 150 rows (TanStack Virtual), with
// aria-rowcount/aria-rowindex so screen readers still hear the whole list.
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useRef, type ReactNode } from 'react'
import { Link } from 'react-router'
import { SortIcon } from '../../components/icons'
import { RelativeTime } from '../../components/relative-time'
import { StateBadges } from '../../components/state-badge'
import type { EndpointRow, ListItem, SortKey } from './endpoint-rows'
import styles from './endpoint-list.module.css'

export const ROW_HEIGHT = 40
/** Up to this many rows every row is rendered, so the browser's find sees them all. */
export const VIRTUALIZE_ABOVE = 60
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
  // The app is not built with React Compiler; the rows below get plain values, not virtualizer methods.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtualized ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits in the scroller above the first row.
    paddingStart: HEADER_HEIGHT,
    overscan: 8,
    getItemKey: (index) => itemKey(items[index]),
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
  } else {
    // One shape whether windowed or not, so crossing the threshold keeps the rows mounted.
    const windowed = virtualized ? virtualizer.getVirtualItems() : null
    const indexes = windowed ? windowed.map((row) => row.index) : items.map((_, index) => index)
    const first = windowed?.at(0)
    const last = windowed?.at(-1)
    body = (
      <>
        <Spacer height={first ? first.start - HEADER_HEIGHT : 0} />
        {indexes.map((index) => (
          <ItemRow key={itemKey(items[index])} item={items[index]} rowIndex={index + 2} />
        ))}
        <Spacer height={last ? virtualizer.getTotalSize() - last.end : 0} />
      </>
    )
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
  if (height <= 0) return null
  return <tr aria-hidden="true" className={styles.spacerRow} style={{ height }} />
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
    </>
  )
})

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
