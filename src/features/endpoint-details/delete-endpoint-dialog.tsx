// The Delete confirmation, an alert dialog: focus starts on Cancel, Escape cancels, and it stays open with
// the reason when the delete fails. Loaded on first use by DeleteEndpointButton.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { deleteEndpointMutation } from '../../api/mutations'
import { Alert } from '../../components/alert'
import { AlertDialog, AlertDialogContent } from '../../components/alert-dialog'
import { Button } from '../../components/button'
import { useNotify } from '../../components/use-notify'

export interface DeleteEndpointDialogProps {
  name: string
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The dialog has no Radix trigger (the button renders before this code loads): focus goes back here. */
  onCloseAutoFocus: (event: Event) => void
}

export function DeleteEndpointDialog({ name, open, onOpenChange, onCloseAutoFocus }: DeleteEndpointDialogProps) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const notify = useNotify()
  const mutation = useMutation(deleteEndpointMutation(queryClient, name))

  const confirm = () =>
    mutation.mutate(undefined, {
      onSuccess: () => {
        notify(`Serving endpoint ${name} deleted.`)
        void navigate('/ml/endpoints')
      },
    })

  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return
        onOpenChange(next)
        if (!next) mutation.reset()
      }}
    >
      <AlertDialogContent
        title="Delete serving endpoint"
        description={
          <>
            Delete <strong>{name}</strong>? Its URL stops answering queries at once, and its served entities, configuration
            history and tags are removed. This cannot be undone.
          </>
        }
        busy={mutation.isPending}
        onCloseAutoFocus={onCloseAutoFocus}
        action={
          <Button variant="danger" onClick={confirm} disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
            {mutation.isPending ? 'Deleting…' : 'Delete'}
          </Button>
        }
      >
        {mutation.isError && <Alert title="The endpoint was not deleted">{mutation.error.message}</Alert>}
      </AlertDialogContent>
    </AlertDialog>
  )
}
