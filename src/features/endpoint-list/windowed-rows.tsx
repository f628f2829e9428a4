// The windowed table body: only the rows in and near the viewport are in the DOM (TanStack Virtual),
// spacer rows keep the scrollbar true to the whole list. Its own chunk: short lists never load it.
import { useVirtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'
import { itemKey, type ListItem } from './endpoint-rows'
import { ItemRow, ROW_HEIGHT, Spacer } from './endpoint-table-row'

export default function WindowedRows({
  items,
  scrollRef,
  headerHeight,
}: {
  items: readonly ListItem[]
  scrollRef: RefObject<HTMLElement | null>
  /** The sticky header sits in the scroller above the first row. */
  headerHeight: number
}) {
  // The app is not built with React Compiler; the rows below get plain values, not virtualizer methods.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: headerHeight,
    overscan: 8,
    getItemKey: (index) => itemKey(items[index]),
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows.at(0)
  const last = rows.at(-1)
  return (
    <>
      <Spacer height={first ? first.start - headerHeight : 0} />
      {rows.map((row) => (
        <ItemRow key={row.key} item={items[row.index]} rowIndex={row.index + 2} />
      ))}
      <Spacer height={last ? virtualizer.getTotalSize() - last.end : 0} />
    </>
  )
}
