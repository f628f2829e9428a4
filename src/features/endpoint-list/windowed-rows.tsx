// The windowed table body: only the rows in and near the viewport are in the DOM (TanStack Virtual),
// spacer rows keep the page as tall as the whole list. Its own chunk: short lists never load it.
// The document scrolls (not the table), so the window is the scroll element and the table body's
// place on the page is the scroll margin.
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useState, type RefObject } from 'react'
import { itemKey, type ListItem } from './endpoint-rows'
import { ItemRow, ROW_HEIGHT, Spacer } from './endpoint-table-row'

export default function WindowedRows({
  items,
  bodyRef,
}: {
  items: readonly ListItem[]
  /** The <tbody>: where the first row starts on the page. */
  bodyRef: RefObject<HTMLElement | null>
}) {
  const [bodyTop, setBodyTop] = useState(0)
  // Whatever sits above the table (toolbar, a notice) may move it; any such change resizes the
  // document's body, so the body's size is watched (jsdom has no ResizeObserver: measured once there).
  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!body) return
    const measure = () => setBodyTop(body.getBoundingClientRect().top + window.scrollY)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [bodyRef])
  // The app is not built with React Compiler; the rows below get plain values, not virtualizer methods.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: bodyTop,
    overscan: 8,
    getItemKey: (index) => itemKey(items[index]),
  })
  const rows = virtualizer.getVirtualItems()
  const first = rows.at(0)
  const last = rows.at(-1)
  return (
    <>
      <Spacer height={first ? first.start - bodyTop : 0} />
      {rows.map((row) => (
        <ItemRow key={row.key} item={items[row.index]} rowIndex={row.index + 2} />
      ))}
      <Spacer height={last ? virtualizer.getTotalSize() - (last.end - bodyTop) : 0} />
    </>
  )
}
