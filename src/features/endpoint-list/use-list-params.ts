// The list's view state lives in the URL (?q=…&owner=me&sort=…) so it can be shared and survives reload.
import { useCallback } from 'react'
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

  const update = useCallback(
    (change: Partial<ListParams>) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous)
          if (change.q !== undefined) {
            if (change.q === '') next.delete('q')
            else next.set('q', change.q)
          }
          if (change.ownedByMe !== undefined) {
            if (change.ownedByMe) next.set('owner', 'me')
            else next.delete('owner')
          }
          if (change.sort !== undefined) {
            if (change.sort === DEFAULT_SORT) next.delete('sort')
            else next.set('sort', change.sort)
          }
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
