import { Suspense } from 'react'
import { Link, NavLink, Outlet } from 'react-router'
import { ServingIcon } from '../components/icons'
import { backendLabel, currentBackend } from './backend'
import { PanelErrorBoundary } from '../components/error-boundary'
import styles from './layout.module.css'
import { UserMenu } from './user-menu'

export function Layout() {
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Link to="/ml/endpoints" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true" />
          Serving Console
        </Link>
        <span className={styles.spacer} />
        <span className={styles.backend}>{backendLabel(currentBackend())}</span>
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
          <PanelErrorBoundary>
            <Suspense fallback={<p role="status">Loading…</p>}>
              <Outlet />
            </Suspense>
          </PanelErrorBoundary>
        </div>
      </main>
    </div>
  )
}
