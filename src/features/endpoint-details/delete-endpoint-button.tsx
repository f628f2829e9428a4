// Delete: the button shows on every endpoint its user manages, but the confirmation's code (and Radix
// AlertDialog) loads on first use (useLazyDialog).
import { Button } from '../../components/button'
import { useLazyDialog } from '../../components/use-lazy-dialog'

const loadDialog = async () => (await import('./delete-endpoint-dialog')).DeleteEndpointDialog

export function DeleteEndpointButton({ name }: { name: string }) {
  const { Dialog: Confirm, open, setOpen, trigger, onCloseAutoFocus } = useLazyDialog(loadDialog, 'delete confirmation')
  return (
    <>
      <Button {...trigger}>Delete</Button>
      {Confirm && <Confirm name={name} open={open} onOpenChange={setOpen} onCloseAutoFocus={onCloseAutoFocus} />}
    </>
  )
}
