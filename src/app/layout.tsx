import { Suspense } from 'react'
import { Link, NavLink, Outlet } from 'react-router'
import { ServingIcon } from '../components/icons'
import { backendLabel, currentBackend } from './backend'
import { PanelErrorBoundary } from '../components/error-boundary'
import { DamagedDataNotice } from './damaged-data-notice'
import styles from './layout.module.css'
import { useDemoData } from './use-demo-data'
import { UserMenu } from './user-menu'

export function Layout() {
  const backend = currentBackend()
  // A reset of the demo data renders the page again, even one whose panel had failed.
  const { generation } = useDemoData()
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link to="/ml/endpoints" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true" />
          Serving Console
        </Link>
        <span className={styles.spacer} />
        <span className={styles.backend}>{backendLabel(backend)}</span>
        <UserMenu />
      </header>
      <nav className={styles.nav} aria-label="Main">
        <div className={styles.navSection}>Machine Learning</div>
        <ul className={styles.navList}>
          <li>
            <NavLink to="/ml/endpoints" className={styles.navLink}>
              <ServingIcon />
              Serving
            </NavLink>
          </li>
        </ul>
      </nav>
      <main className={styles.main}>
        <div className={styles.page}>
          {backend.kind === 'browser-mock' && <DamagedDataNotice />}
          <PanelErrorBoundary key={generation}>
            <Suspense fallback={<p role="status">Loading…</p>}>
              <Outlet />
            </Suspense>
          </PanelErrorBoundary>
        </div>
      </main>
    </div>
  )
}
