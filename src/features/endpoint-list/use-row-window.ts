// Which rows of a long, fixed-row-height list are in (or near) the viewport of a scroll container.
// Rows are exactly one height, so the window is arithmetic; state changes only when a row boundary
// is crossed, so scrolling re-renders the table a few times per screen, not per pixel.
import { useLayoutEffect, useState, type RefObject } from 'react'

export interface RowWindow {
  /** First and one-past-last rendered index. */
  start: number
  end: number
  /** Space standing in for the rows above the first rendered one and below the last, in px. */
  before: number
  after: number
}

export interface WindowInput {
  count: number
  rowHeight: number
  /** Scroll offset and height of the container, px. */
  scrollTop: number
  viewport: number
  /** Distance from the top of the scroll content to the first row (a sticky header). */
  margin: number
  overscan: number
}

export function rowWindow({ count, rowHeight, scrollTop, viewport, margin, overscan }: WindowInput): RowWindow {
  const clamp = (n: number, lo: number) => Math.max(lo, Math.min(count, n))
  const start = clamp(Math.floor((scrollTop - margin) / rowHeight) - overscan, 0)
  const end = clamp(Math.ceil((scrollTop + viewport - margin) / rowHeight) + overscan, start)
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight }
}

interface Viewport {
  /** Index of the row at the top edge, and how many rows fit: the only things the window depends on. */
  topRow: number
  rows: number
}

export function useRowWindow({
  count,
  rowHeight,
  scrollRef,
  margin = 0,
  overscan = 10,
  enabled,
}: {
  count: number
  rowHeight: number
  scrollRef: RefObject<HTMLElement | null>
  margin?: number
  overscan?: number
  enabled: boolean
}): RowWindow {
  const [viewport, setViewport] = useState<Viewport>({ topRow: 0, rows: 0 })

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!enabled || !element) return
    const measure = () => {
      const next = {
        topRow: Math.floor(element.scrollTop / rowHeight),
        rows: Math.ceil(element.clientHeight / rowHeight),
      }
      setViewport((previous) => (previous.topRow === next.topRow && previous.rows === next.rows ? previous : next))
    }
    measure()
    element.addEventListener('scroll', measure, { passive: true })
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure)
    resize?.observe(element)
    return () => {
      element.removeEventListener('scroll', measure)
      resize?.disconnect()
    }
  }, [enabled, rowHeight, scrollRef])

  if (!enabled) return { start: 0, end: 0, before: 0, after: 0 }
  return rowWindow({
    count,
    rowHeight,
    scrollTop: viewport.topRow * rowHeight,
    // One extra row covers the part of a row cut off by rounding the scroll offset down.
    viewport: (viewport.rows + 1) * rowHeight,
    margin,
    overscan,
  })
}
