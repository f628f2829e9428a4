import { useQuery } from '@tanstack/react-query'
import { useId, useMemo, type ReactNode } from 'react'
import { currentUserQuery, listEndpointsQuery } from '../../api/queries'
import { PageLink } from '../../components/page-link'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { CloseIcon, PlusIcon } from '../../components/icons'
import { useDocumentTitle } from '../../lib/use-document-title'
import { toListView, toRows } from './endpoint-rows'
import { EndpointTable } from './endpoint-table'
import styles from './endpoint-list-page.module.css'
import { useListView } from './use-list-view'

export function EndpointListPage() {
  useDocumentTitle('Serving endpoints')
  const list = useQuery(listEndpointsQuery())
  const [view, changeView] = useListView()
  const me = useQuery({ ...currentUserQuery(), enabled: view.ownedByMe })

  const rows = useMemo(() => toRows(list.data?.endpoints ?? []), [list.data])
  const owner = view.ownedByMe ? (me.data?.userName ?? null) : undefined
  // Filtering renders in the keystroke's own task: a deferred (time-sliced) render yields every few
  // milliseconds and took longer to show the rows than rendering the window of rows outright.
  const listed = useMemo(
    () => (owner === null ? { items: [], shown: 0 } : toListView(rows, { query: view.q, owner, sort: view.sort })),
    [rows, view.q, owner, view.sort],
  )

  const filtering = view.q.trim() !== '' || view.ownedByMe
  const clearFilters = () => changeView({ q: '', ownedByMe: false })

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
        <PageLink to="/ml/endpoints/create" className={styles.emptyAction}>
          Create serving endpoint
        </PageLink>
      </div>
    )
  } else if (listed.shown === 0) {
    placeholder = (
      <div className={styles.empty}>
        <p className={styles.emptyTitle}>No serving endpoints match</p>
        <p>Nothing matches the filter{view.ownedByMe ? ' among the endpoints you own' : ''}.</p>
        <Button onClick={clearFilters}>Clear filters</Button>
      </div>
    )
  }

  const countText = list.data
    ? filtering
      ? `${listed.shown.toLocaleString()} of ${rows.length.toLocaleString()} endpoints`
      : `${rows.length.toLocaleString()} endpoints`
    : ''

  return (
    <section className={styles.page} aria-labelledby="serving-endpoints-title">
      <header className={styles.header}>
        <h1 id="serving-endpoints-title">Serving endpoints</h1>
        <PageLink to="/ml/endpoints/create" className={styles.createLink}>
          <PlusIcon />
          Create serving endpoint
        </PageLink>
      </header>

      <div className={styles.toolbar}>
        <FilterBox value={view.q} onChange={(q) => changeView({ q })} />
        <label className={styles.owned}>
          <input type="checkbox" checked={view.ownedByMe} onChange={(event) => changeView({ ownedByMe: event.target.checked })} />
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
        items={placeholder ? [] : listed.items}
        sort={view.sort}
        onSort={(sort) => changeView({ sort })}
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
