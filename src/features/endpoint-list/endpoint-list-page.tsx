import { useQuery } from '@tanstack/react-query'
import { useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react'
import { Link, UNSAFE_DataRouterContext, useNavigation, useNavigationType } from 'react-router'
import { currentUserQuery, listEndpointsQuery } from '../../api/queries'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { CloseIcon, PlusIcon } from '../../components/icons'
import { useDocumentTitle } from '../../lib/use-document-title'
import { toListView, toRows } from './endpoint-rows'
import { EndpointTable } from './endpoint-table'
import styles from './endpoint-list.module.css'
import { useListParams } from './use-list-params'

const URL_WRITE_DELAY_MS = 250

export function EndpointListPage() {
  useDocumentTitle('Serving endpoints')
  const list = useQuery(listEndpointsQuery())
  const [params, setParams] = useListParams()
  const me = useQuery({ ...currentUserQuery(), enabled: params.ownedByMe })

  // The box owns what is typed and the URL follows (by replace). A URL changed by a link or
  // back/forward drives the box; our own replaces may land late and must not undo keystrokes.
  const navigationType = useNavigationType()
  const [typed, setTyped] = useState(params.q)
  const [seenUrlQ, setSeenUrlQ] = useState(params.q)
  if (params.q !== seenUrlQ) {
    setSeenUrlQ(params.q)
    if (navigationType !== 'REPLACE') setTyped(params.q)
  }
  // Filtering renders in the keystroke's own task: a deferred (time-sliced) render yields every few
  // milliseconds and took longer to show the rows than rendering the window of rows outright.
  const query = typed

  // The URL follows the box once typing pauses: a router navigation per keystroke would re-render
  // the whole route while the person types.
  // Never while the app is navigating: the write would replace, and so cancel, a link just clicked.
  // The rendered navigation state can lag a click by a task, so the timer also asks the router itself.
  const navigating = useNavigation().state !== 'idle'
  const router = useContext(UNSAFE_DataRouterContext)?.router
  useEffect(() => {
    if (typed === params.q || navigating) return
    const timer = window.setTimeout(() => {
      if (router && router.state.navigation.state !== 'idle') return
      setParams({ q: typed })
    }, URL_WRITE_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [typed, params.q, setParams, navigating, router])

  const rows = useMemo(() => toRows(list.data?.endpoints ?? []), [list.data])
  const owner = params.ownedByMe ? (me.data?.userName ?? null) : undefined
  const view = useMemo(
    () => (owner === null ? { items: [], shown: 0 } : toListView(rows, { query, owner, sort: params.sort })),
    [rows, query, owner, params.sort],
  )

  const filtering = query.trim() !== '' || params.ownedByMe
  const clearFilters = () => {
    setTyped('')
    setParams({ q: '', ownedByMe: false })
  }

  let placeholder: ReactNode = null
  if (list.isPending || (owner === null && me.isPending)) {
    placeholder = (
      <p role="status" className={styles.loading}>
        <span className={styles.loadingBar} aria-hidden="true" />
        Loading serving endpoints…
      </p>
    )
  } else if (list.isError && !list.data) {
    placeholder = (
      <Alert
        title="Could not load serving endpoints"
        actions={
          <Button onClick={() => void list.refetch()} disabled={list.isFetching}>
            Retry
          </Button>
        }
      >
        {list.error.message}
      </Alert>
    )
  } else if (owner === null && me.isError) {
    placeholder = (
      <Alert
        title="Could not find out who you are"
        actions={
          <Button onClick={() => void me.refetch()} disabled={me.isFetching}>
            Retry
          </Button>
        }
      >
        {me.error.message}
      </Alert>
    )
  } else if (rows.length === 0) {
    placeholder = (
      <div className={styles.empty}>
        <p className={styles.emptyTitle}>No serving endpoints yet</p>
        <p>Serve a Unity Catalog model or an external model behind one REST endpoint.</p>
        <Link to="/ml/endpoints/create" className={styles.emptyAction}>
          Create serving endpoint
        </Link>
      </div>
    )
  } else if (view.shown === 0) {
    placeholder = (
      <div className={styles.empty}>
        <p className={styles.emptyTitle}>No serving endpoints match</p>
        <p>Nothing matches the filter{params.ownedByMe ? ' among the endpoints you own' : ''}.</p>
        <Button onClick={clearFilters}>Clear filters</Button>
      </div>
    )
  }

  const countText = list.data
    ? filtering
      ? `${view.shown.toLocaleString()} of ${rows.length.toLocaleString()} endpoints`
      : `${rows.length.toLocaleString()} endpoints`
    : ''

  return (
    <section className={styles.page} aria-labelledby="serving-endpoints-title">
      <header className={styles.header}>
        <h1 id="serving-endpoints-title">Serving endpoints</h1>
        <Link to="/ml/endpoints/create" className={styles.createLink}>
          <PlusIcon />
          Create serving endpoint
        </Link>
      </header>

      <div className={styles.toolbar}>
        <FilterBox
          value={typed}
          onChange={setTyped}
        />
        <label className={styles.owned}>
          <input
            type="checkbox"
            checked={params.ownedByMe}
            onChange={(event) => setParams({ ownedByMe: event.target.checked })}
          />
          Owned by me
        </label>
        <span className={styles.spacer} />
        <p className={styles.count} role="status">
          {countText}
        </p>
      </div>

      {list.isError && list.data && (
        <Alert
          tone="warning"
          title="Could not refresh the list"
          actions={
            <Button size="small" onClick={() => void list.refetch()} disabled={list.isFetching}>
              Retry
            </Button>
          }
        >
          {list.error.message} The endpoints below may be out of date.
        </Alert>
      )}

      <EndpointTable
        items={placeholder ? [] : view.items}
        sort={params.sort}
        onSort={(sort) => setParams({ sort })}
        placeholder={placeholder}
      />
    </section>
  )
}

function FilterBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const id = useId()
  return (
    <div className={styles.filter}>
      <label htmlFor={id} className="visually-hidden">
        Filter endpoints
      </label>
      <input
        id={id}
        type="text"
        className={styles.filterInput}
        placeholder="Filter by name, served entity, creator or tag"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            event.preventDefault()
            onChange('')
          }
        }}
      />
      {value !== '' && (
        <button type="button" className={styles.filterClear} aria-label="Clear filter" onClick={() => onChange('')}>
          <CloseIcon />
        </button>
      )}
    </div>
  )
}
