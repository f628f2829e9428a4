// The list's view state lives in the URL (?q=…&owner=me&sort=…) so it can be shared and survives reload.
import { useCallback, useLayoutEffect, useRef } from 'react'
import { useSearchParams } from 'react-router'
import { DEFAULT_SORT, SORT_KEYS, type SortKey } from './endpoint-rows'

export interface ListParams {
  q: string
  ownedByMe: boolean
  sort: SortKey
}

const isSortKey = (value: string | null): value is SortKey => SORT_KEYS.some((key) => key === value)

export function useListParams(): [ListParams, (change: Partial<ListParams>) => void] {
  const [searchParams, setSearchParams] = useSearchParams()
  const sortParam = searchParams.get('sort')
  const params: ListParams = {
    q: searchParams.get('q') ?? '',
    ownedByMe: searchParams.get('owner') === 'me',
    sort: isSortKey(sortParam) ? sortParam : DEFAULT_SORT,
  }

  // The router hands an updater the params of the last render, but a URL change made in a transition
  // may not have rendered yet: a sort click, then the filter's delayed write, would undo the sort.
  // Each change builds on the newest params we asked for; a render catches the ref up.
  const latest = useRef(searchParams)
  useLayoutEffect(() => {
    latest.current = searchParams
  }, [searchParams])

  const update = useCallback(
    (change: Partial<ListParams>) => {
      setSearchParams(
        () => {
          const previous = latest.current
          const q = change.q ?? previous.get('q') ?? ''
          const ownedByMe = change.ownedByMe ?? previous.get('owner') === 'me'
          const sort = change.sort ?? previous.get('sort') ?? DEFAULT_SORT
          // Always q, owner, sort in that order, so one view has one URL whatever the clicking order.
          const next = new URLSearchParams()
          if (q !== '') next.set('q', q)
          if (ownedByMe) next.set('owner', 'me')
          if (sort !== DEFAULT_SORT) next.set('sort', sort)
          for (const [key, value] of previous) if (!['q', 'owner', 'sort'].includes(key)) next.append(key, value)
          latest.current = next
          return next
        },
        // Typing and toggling refine one view: they replace the history entry rather than pile up.
        // A checkbox or sort button must show its new state at once (the filter box keeps its own).
        { replace: true, flushSync: change.q === undefined },
      )
    },
    [setSearchParams],
  )

  return [params, update]
}
