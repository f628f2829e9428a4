import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { currentUserQuery } from '../api/queries'
import { useNotify } from '../components/use-notify'
import { STATE_KEY } from '../lib/mock-keys'
import { currentBackend } from './backend'
import styles from './layout.module.css'
import { MockControlsDialog } from './mock-controls-dialog'

export function UserMenu() {
  const { data: me } = useQuery(currentUserQuery())
  const queryClient = useQueryClient()
  const notify = useNotify()
  const [controlsOpen, setControlsOpen] = useState(false)
  const isBrowserMock = currentBackend().kind === 'browser-mock'
  const user = me?.userName ?? ''
  const initials = user ? user.slice(0, 2).toUpperCase() : '··'

  const resetDemoData = () => {
    window.localStorage.removeItem(STATE_KEY)
    void queryClient.invalidateQueries()
    notify('Demo data reset to the seed.')
  }

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className={styles.menuTrigger} aria-label={`User menu${user ? ` for ${user}` : ''}`}>
          <span className={styles.avatar} aria-hidden="true">
            {initials}
          </span>
          <span>{user}</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className={styles.menu} align="end" sideOffset={4}>
            <DropdownMenu.Label className={styles.menuLabel}>Developer</DropdownMenu.Label>
            {isBrowserMock ? (
              <>
                <DropdownMenu.Item className={styles.menuItem} onSelect={() => setControlsOpen(true)}>
                  Mock controls
                </DropdownMenu.Item>
                <DropdownMenu.Item className={styles.menuItem} onSelect={resetDemoData}>
                  Reset demo data
                </DropdownMenu.Item>
              </>
            ) : (
              <DropdownMenu.Item className={styles.menuItem} disabled>
                Mock controls are for the in-browser mock
              </DropdownMenu.Item>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <MockControlsDialog open={controlsOpen} onOpenChange={setControlsOpen} />
    </>
  )
}
