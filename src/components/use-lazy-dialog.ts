// A button whose dialog's code loads on first use: pointing at or focusing the button starts the load,
// so it is usually there by the click; a failed load is a notice, not a broken page; when the dialog
// closes, focus goes back to the button that opened it.
import { useRef, useState, type ComponentType, type MouseEvent } from 'react'
import { useNotify } from './use-notify'

/**
 * `load` must be a stable (module-level) function. `what` completes "Couldn't open the …" when the
 * code cannot be loaded. Spread `trigger` on the button; pass `onCloseAutoFocus` to the dialog.
 */
export function useLazyDialog<P extends object>(load: () => Promise<ComponentType<P>>, what: string) {
  const notify = useNotify()
  // Where focus returns when the dialog closes (Button takes no ref, so the click says which element it is).
  const opener = useRef<HTMLButtonElement | null>(null)
  const [Dialog, setDialog] = useState<ComponentType<P>>()
  const [open, setOpen] = useState(false)
  const [loading, setLoading] = useState(false)

  const preload = () => void load().catch(() => undefined)

  const openDialog = async () => {
    if (!Dialog) {
      setLoading(true)
      try {
        const loaded = await load()
        setDialog(() => loaded)
      } catch (error) {
        notify(`Couldn't open the ${what}: ${error instanceof Error ? error.message : String(error)}`, 'error')
        return
      } finally {
        setLoading(false)
      }
    }
    setOpen(true)
  }

  return {
    Dialog,
    open,
    setOpen,
    trigger: {
      'aria-haspopup': 'dialog' as const,
      'aria-busy': loading || undefined,
      onPointerEnter: preload,
      onFocus: preload,
      onClick: (event: MouseEvent<HTMLButtonElement>) => {
        opener.current = event.currentTarget
        void openDialog()
      },
    },
    onCloseAutoFocus: (event: Event) => {
      event.preventDefault()
      opener.current?.focus()
    },
  }
}
