import type { useBlocker } from 'react-router'
import { Button } from '../../components/button'
import { Dialog, DialogContent } from '../../components/dialog'

/** Shown while the router holds a navigation that would drop unsaved input. */
export function LeaveDialog({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const open = blocker.state === 'blocked'
  return (
    <Dialog open={open} onOpenChange={(next) => !next && blocker.reset?.()}>
      <DialogContent
        title="Discard unsaved changes?"
        description="What you typed in this form will be lost."
        footer={
          <>
            <Button onClick={() => blocker.reset?.()}>Keep editing</Button>
            <Button variant="danger" onClick={() => blocker.proceed?.()}>
              Discard changes
            </Button>
          </>
        }
      >
        {null}
      </DialogContent>
    </Dialog>
  )
}
