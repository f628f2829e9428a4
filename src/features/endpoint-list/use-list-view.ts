// The list's view (filter text, Owned by me, sort) lives in the URL (?q=…&owner=me&sort=…) so it can be
// shared and survives reload. The page shows its own copy at once and the URL follows: after a click at
// once, after typing once it pauses (a router navigation per keystroke would re-render the whole route).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useNavigationType, useSearchParams } from 'react-router'
import { DEFAULT_SORT, SORT_KEYS, type SortKey } from './endpoint-rows'

export interface ListView {
  q: string
  ownedByMe: boolean
  sort: SortKey
}

/** How long typing must pause before the URL follows the filter box. */
const URL_WRITE_DELAY_MS = 250

const isSortKey = (value: string | null): value is SortKey => SORT_KEYS.some((key) => key === value)

function fromSearch(params: URLSearchParams): ListView {
  const sort = params.get('sort')
  return { q: params.get('q') ?? '', ownedByMe: params.get('owner') === 'me', sort: isSortKey(sort) ? sort : DEFAULT_SORT }
}

/** Always q, owner, sort in that order, so one view has one URL whatever the clicking order; other params stay. */
function toSearch(view: ListView, previous: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams()
  if (view.q !== '') next.set('q', view.q)
  if (view.ownedByMe) next.set('owner', 'me')
  if (view.sort !== DEFAULT_SORT) next.set('sort', view.sort)
  for (const [key, value] of previous) if (!['q', 'owner', 'sort'].includes(key)) next.append(key, value)
  return next
}

const sameView = (a: ListView, b: ListView) => a.q === b.q && a.ownedByMe === b.ownedByMe && a.sort === b.sort

/** History state of our own URL writes: the visit they belong to. */
interface VisitState {
  listVisit: string
}
const isVisitState = (state: unknown): state is VisitState =>
  typeof state === 'object' && state !== null && 'listVisit' in state && typeof state.listVisit === 'string'

/**
 * The list's view and a way to change it. A change to the filter text alone reaches the URL once typing
 * pauses; any other change at once. Each URL write replaces the history entry: one view, one entry.
 */
export function useListView(): [ListView, (change: Partial<ListView>) => void] {
  const [searchParams, setSearchParams] = useSearchParams()
  const location = useLocation()
  const navigationType = useNavigationType()

  // The page's own copy belongs to one visit: our replaces carry the visit on; a link, Back or Forward
  // start another, and that entry's URL is the view again (what was typed before does not undo it).
  const visit = navigationType === 'REPLACE' && isVisitState(location.state) ? location.state.listVisit : location.key
  const [own, setOwn] = useState<{ visit: string; view: ListView } | null>(null)
  const urlView = useMemo(() => fromSearch(searchParams), [searchParams])
  const view = own?.visit === visit ? own.view : urlView

  const pendingWrite = useRef<number | undefined>(undefined)
  const writeUrl = useCallback(
    (next: ListView) => {
      window.clearTimeout(pendingWrite.current)
      pendingWrite.current = undefined
      const state: VisitState = { listVisit: visit }
      setSearchParams(toSearch(next, searchParams), { replace: true, state })
    },
    [searchParams, setSearchParams, visit],
  )

  useEffect(() => {
    if (sameView(view, urlView)) return
    const timer = window.setTimeout(() => writeUrl(view), URL_WRITE_DELAY_MS)
    pendingWrite.current = timer
    // A link clicked meanwhile: write first. Written after the link's navigation has started, the
    // replace would cancel it; written first, Back finds the filter too.
    const writeBeforeLink = (event: MouseEvent) => {
      if (pendingWrite.current === timer && event.target instanceof Element && event.target.closest('a[href]')) writeUrl(view)
    }
    // Back or Forward: the entry's own URL is the view now.
    const drop = () => {
      window.clearTimeout(timer)
      pendingWrite.current = undefined
    }
    document.addEventListener('click', writeBeforeLink, true)
    window.addEventListener('popstate', drop)
    return () => {
      window.clearTimeout(timer)
      pendingWrite.current = undefined
      document.removeEventListener('click', writeBeforeLink, true)
      window.removeEventListener('popstate', drop)
    }
  }, [view, urlView, writeUrl])

  const change = (partial: Partial<ListView>) => {
    const next = { ...view, ...partial }
    setOwn({ visit, view: next })
    if (partial.ownedByMe !== undefined || partial.sort !== undefined) writeUrl(next)
  }

  return [view, change]
}
