import { Button } from '../../components/button'
import { Dialog, DialogContent } from '../../components/dialog'
import type { LeaveBlocker } from './use-leave-guard'

/** Shown while the leave guard holds a navigation that would drop unsaved input. */
export function LeaveDialog({ blocker }: { blocker: LeaveBlocker }) {
  const open = blocker.state === 'blocked'
  return (
    <Dialog open={open} onOpenChange={(next) => !next && blocker.reset()}>
      <DialogContent
        title="Discard unsaved changes?"
        description="What you typed in this form will be lost."
        footer={
          <>
            <Button onClick={() => blocker.reset()}>Keep editing</Button>
            <Button variant="danger" onClick={() => blocker.proceed()}>
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
