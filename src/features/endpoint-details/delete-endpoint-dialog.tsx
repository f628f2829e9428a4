import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { deleteEndpointMutation } from '../../api/mutations'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../components/dialog'
import { useNotify } from '../../components/use-notify'

export function DeleteEndpointDialog({ name }: { name: string }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const notify = useNotify()
  const [open, setOpen] = useState(false)
  const mutation = useMutation(deleteEndpointMutation(queryClient, name))

  const confirm = () =>
    mutation.mutate(undefined, {
      onSuccess: () => {
        notify(`Serving endpoint ${name} deleted.`)
        void navigate('/ml/endpoints')
      },
    })

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return
        setOpen(next)
        if (!next) mutation.reset()
      }}
    >
      <DialogTrigger asChild>
        <Button>Delete</Button>
      </DialogTrigger>
      <DialogContent
        title="Delete serving endpoint"
        description={
          <>
            Delete <strong>{name}</strong>? Its URL stops answering queries at once, and its served entities,
            configuration history and tags are removed. This cannot be undone.
          </>
        }
        footer={
          <>
            <DialogClose asChild>
              <Button disabled={mutation.isPending}>Cancel</Button>
            </DialogClose>
            <Button variant="danger" onClick={confirm} disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
              {mutation.isPending ? 'Deleting…' : 'Delete'}
            </Button>
          </>
        }
      >
        {mutation.isError && <Alert title="The endpoint was not deleted">{mutation.error.message}</Alert>}
      </DialogContent>
    </Dialog>
  )
}
