// The endpoint table: a real <table> whose body is windowed past 60 rows (TanStack Virtual, loaded
// only when a list is that long), with aria-rowcount/aria-rowindex so screen readers still hear the
// whole list. The page scrolls as a whole; the header row sticks below the app header.
import { lazy, Suspense, useRef, type ReactNode } from 'react'
import { SortIcon } from '../../components/icons'
import { itemKey, type ListItem, type SortKey } from './endpoint-rows'
import styles from './endpoint-table.module.css'
import shared from './list-shared.module.css'
import { COLUMNS, ItemRow, ROW_HEIGHT, Spacer } from './endpoint-table-row'

/** Up to this many rows every row is rendered, so the browser's find sees them all. */
export const VIRTUALIZE_ABOVE = 60

const WindowedRows = lazy(() => import('./windowed-rows'))

function PlainRows({ items, after }: { items: readonly ListItem[]; after: number }) {
  return (
    <>
      {items.map((item, index) => (
        <ItemRow key={itemKey(item)} item={item} rowIndex={index + 2} />
      ))}
      <Spacer height={after} />
    </>
  )
}

interface EndpointTableProps {
  items: readonly ListItem[]
  sort: SortKey
  onSort: (sort: SortKey) => void
  /** Shown as the only body row when there are no items (loading, empty, error). */
  placeholder?: ReactNode
}

export function EndpointTable({ items, sort, onSort, placeholder }: EndpointTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)

  let body: ReactNode
  if (items.length === 0) {
    body = (
      <tr aria-rowindex={2}>
        <td colSpan={COLUMNS} className={shared.placeholderCell}>
          {placeholder}
        </td>
      </tr>
    )
  } else if (items.length > VIRTUALIZE_ABOVE) {
    // Until the windowing code arrives, the first screenful is already usable (and no more is rendered).
    const screenful = Math.min(VIRTUALIZE_ABOVE, Math.ceil(window.innerHeight / ROW_HEIGHT) + 1)
    const firstRows = <PlainRows items={items.slice(0, screenful)} after={(items.length - screenful) * ROW_HEIGHT} />
    body = (
      <Suspense fallback={firstRows}>
        <WindowedRows items={items} bodyRef={bodyRef} />
      </Suspense>
    )
  } else {
    body = <PlainRows items={items} after={0} />
  }

  return (
    <div className={styles.tableFrame}>
      <table className={shared.table} aria-label="Serving endpoints" aria-rowcount={Math.max(items.length, 1) + 1}>
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
        <tbody ref={bodyRef}>{body}</tbody>
      </table>
    </div>
  )
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
