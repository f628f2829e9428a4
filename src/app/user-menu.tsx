// The header's user button. Its Developer menu (mock controls, demo data) loads on first open,
// so the forms and dialog code behind it stay out of the initial bundle.
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { currentUserQuery } from '../api/queries'
import styles from './layout.module.css'

const loadDeveloperMenu = () => import('./developer-menu')
const DeveloperMenu = lazy(async () => ({ default: (await loadDeveloperMenu()).DeveloperMenu }))

export function UserMenu() {
  const { data: me } = useQuery(currentUserQuery())
  const [open, setOpen] = useState(false)
  const user = me?.userName ?? ''
  const initials = user ? user.slice(0, 2).toUpperCase() : '··'
  return (
    <>
      <button
        type="button"
        className={styles.menuTrigger}
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDeveloperMenu()}
        onFocus={() => void loadDeveloperMenu()}
        onClick={() => setOpen(true)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials}
        </span>
        <span>{user}</span>
        <span className="visually-hidden">Developer menu</span>
      </button>
      {open && (
        <Suspense fallback={null}>
          <DeveloperMenu user={user} open={open} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  )
}
