// Permissions: the button shows for a user who manages the endpoint; the dialog's code (its form and
// schema) loads on first use, started by pointing at or focusing the button.
import { useRef, useState, type ComponentType } from 'react'
import type { ServingEndpointDetailed } from '../../api/types'
import { Button } from '../../components/button'
import { useNotify } from '../../components/use-notify'
import type { PermissionsDialogProps } from './permissions-dialog'

const loadDialog = async () => (await import('./permissions-dialog')).PermissionsDialog
const preload = () => void loadDialog().catch(() => undefined)

export function PermissionsButton({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const notify = useNotify()
  const button = useRef<HTMLButtonElement | null>(null)
  const [Dialog, setDialog] = useState<ComponentType<PermissionsDialogProps>>()
  const [open, setOpen] = useState(false)
  const [loading, setLoading] = useState(false)

  const openDialog = async () => {
    if (!Dialog) {
      setLoading(true)
      try {
        const loaded = await loadDialog()
        setDialog(() => loaded)
      } catch (error) {
        notify(`Couldn't open the permissions: ${error instanceof Error ? error.message : String(error)}`, 'error')
        return
      } finally {
        setLoading(false)
      }
    }
    setOpen(true)
  }

  if (!endpoint.id) return null
  return (
    <>
      <Button
        aria-haspopup="dialog"
        aria-busy={loading || undefined}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={(event) => {
          button.current = event.currentTarget
          void openDialog()
        }}
      >
        Permissions
      </Button>
      {Dialog && open && (
        <Dialog
          id={endpoint.id}
          name={endpoint.name}
          creator={endpoint.creator}
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
