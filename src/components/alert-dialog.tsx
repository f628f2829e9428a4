// Confirmation atoms on Radix AlertDialog (role alertdialog): focus starts on Cancel, Escape cancels and a
// click outside does nothing, so a destructive action is never one stray key or click away.
import * as RadixAlertDialog from '@radix-ui/react-alert-dialog'
import type { ReactNode } from 'react'
import { Button } from './button'
import own from './alert-dialog.module.css'
import styles from './dialog.module.css'

export const AlertDialog = RadixAlertDialog.Root

export interface AlertDialogContentProps {
  title: string
  /** What will happen; an alert dialog must say it (it is the dialog's accessible description). */
  description: ReactNode
  children?: ReactNode
  /** The confirming button, after Cancel. A plain button: the dialog stays open while its request runs. */
  action: ReactNode
  /** Cancel is disabled while the action's request runs. */
  busy?: boolean
  onCloseAutoFocus?: (event: Event) => void
}

export function AlertDialogContent({ title, description, children, action, busy, onCloseAutoFocus }: AlertDialogContentProps) {
  return (
    <RadixAlertDialog.Portal>
      <RadixAlertDialog.Overlay className={styles.overlay} />
      <RadixAlertDialog.Content className={styles.content} onCloseAutoFocus={onCloseAutoFocus}>
        <div className={children ? styles.header : `${styles.header} ${own.headerAlone}`}>
          <div>
            <RadixAlertDialog.Title className={styles.title}>{title}</RadixAlertDialog.Title>
            <RadixAlertDialog.Description className={styles.description}>{description}</RadixAlertDialog.Description>
          </div>
        </div>
        {children && <div className={styles.body}>{children}</div>}
        <div className={styles.footer}>
          <RadixAlertDialog.Cancel asChild>
            <Button disabled={busy}>Cancel</Button>
          </RadixAlertDialog.Cancel>
          {action}
        </div>
      </RadixAlertDialog.Content>
    </RadixAlertDialog.Portal>
  )
}
