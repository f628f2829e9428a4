// Delete: the button shows on every endpoint its user manages, but the confirmation's code (and Radix
// AlertDialog) loads on first use; pointing at or focusing the button starts the load, so it is usually
// there by the click. A failed load is a notice, not a broken page.
import { useRef, useState, type ComponentType } from 'react'
import { Button } from '../../components/button'
import { useNotify } from '../../components/use-notify'
import type { DeleteEndpointDialogProps } from './delete-endpoint-dialog'

const loadDialog = async () => (await import('./delete-endpoint-dialog')).DeleteEndpointDialog
const preload = () => void loadDialog().catch(() => undefined)

export function DeleteEndpointButton({ name }: { name: string }) {
  const notify = useNotify()
  // Where focus returns when the dialog closes (Button takes no ref, so the click says which element it is).
  const button = useRef<HTMLButtonElement | null>(null)
  const [Confirm, setConfirm] = useState<ComponentType<DeleteEndpointDialogProps>>()
  const [open, setOpen] = useState(false)
  const [loading, setLoading] = useState(false)

  const openConfirm = async () => {
    if (!Confirm) {
      setLoading(true)
      try {
        const loaded = await loadDialog()
        setConfirm(() => loaded)
      } catch (error) {
        notify(`Couldn't open the delete confirmation: ${error instanceof Error ? error.message : String(error)}`, 'error')
        return
      } finally {
        setLoading(false)
      }
    }
    setOpen(true)
  }

  return (
    <>
      <Button
        aria-haspopup="dialog"
        aria-busy={loading || undefined}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={(event) => {
          button.current = event.currentTarget
          void openConfirm()
        }}
      >
        Delete
      </Button>
      {Confirm && (
        <Confirm
          name={name}
          open={open}
          onOpenChange={setOpen}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            button.current?.focus()
          }}
        />
      )}
    </>
  )
}
