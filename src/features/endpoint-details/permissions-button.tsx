// Permissions: the button shows for a user who manages the endpoint; the dialog's code (its form and
// schema) loads on first use (useLazyDialog).
import type { ServingEndpointDetailed } from '../../api/types'
import { Button } from '../../components/button'
import { useLazyDialog } from '../../components/use-lazy-dialog'

const loadDialog = async () => (await import('./permissions-dialog')).PermissionsDialog

export function PermissionsButton({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const { Dialog, open, setOpen, trigger, onCloseAutoFocus } = useLazyDialog(loadDialog, 'permissions')
  if (!endpoint.id) return null
  return (
    <>
      <Button {...trigger}>Permissions</Button>
      {Dialog && open && (
        <Dialog
          id={endpoint.id}
          name={endpoint.name}
          creator={endpoint.creator}
          open={open}
          onOpenChange={setOpen}
          onCloseAutoFocus={onCloseAutoFocus}
        />
      )}
    </>
  )
}
