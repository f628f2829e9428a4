// The Developer menu: who you are, which backend, Reset demo data and the Mock controls panel.
import { useQueryClient } from '@tanstack/react-query'
import { Button } from '../components/button'
import { Dialog, DialogClose, DialogContent } from '../components/dialog'
import { useNotify } from '../components/use-notify'
import { backendLabel, currentBackend } from './backend'
import { resetDemoData as resetStoredDemoData } from './demo-data'
import styles from './developer-menu.module.css'
import { MOCK_CONTROLS_FORM_ID, MockControlsForm } from './mock-controls-form'

export interface DeveloperMenuProps {
  user: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

export function DeveloperMenu({ user, open, onOpenChange }: DeveloperMenuProps) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const backend = currentBackend()
  const isBrowserMock = backend.kind === 'browser-mock'

  const resetDemoData = () => {
    resetStoredDemoData(queryClient)
    notify('Demo data reset to the seed.')
    onOpenChange(false)
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Developer menu"
        description={
          <>
            Signed in as <strong>{user || 'an unknown user'}</strong> · {backendLabel(backend)}
          </>
        }
        footer={
          <>
            <DialogClose asChild>
              <Button>Close</Button>
            </DialogClose>
            {isBrowserMock && (
              <Button variant="primary" type="submit" form={MOCK_CONTROLS_FORM_ID}>
                Save mock controls
              </Button>
            )}
          </>
        }
      >
        {isBrowserMock ? (
          <>
            <section aria-labelledby="demo-data-heading" className={styles.section}>
              <h3 id="demo-data-heading">Demo data</h3>
              <p className={styles.help}>Drop every change and start again from the seeded endpoints.</p>
              <Button onClick={resetDemoData}>Reset demo data</Button>
            </section>
            <section aria-labelledby="mock-controls-heading" className={styles.section}>
              <h3 id="mock-controls-heading">Mock controls</h3>
              <p className={styles.help}>
                Shape the mock backend: slow networks, failed deploys, injected faults. Empty means the default.
              </p>
              <MockControlsForm onSaved={() => onOpenChange(false)} />
            </section>
          </>
        ) : (
          <p>Mock controls and demo data belong to the in-browser mock backend.</p>
        )}
      </DialogContent>
    </Dialog>
  )
}
