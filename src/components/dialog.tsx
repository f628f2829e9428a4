// Modal dialog atoms on Radix Dialog: focus trap, Escape, aria wiring and focus return come from Radix.
import * as RadixDialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'
import { CloseIcon } from './icons'
import styles from './dialog.module.css'

export const Dialog = RadixDialog.Root
export const DialogTrigger = RadixDialog.Trigger
export const DialogClose = RadixDialog.Close

export interface DialogContentProps {
  title: string
  description?: ReactNode
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
  onOpenAutoFocus?: (event: Event) => void
  onCloseAutoFocus?: (event: Event) => void
}

export function DialogContent({
  title,
  description,
  children,
  footer,
  wide,
  onOpenAutoFocus,
  onCloseAutoFocus,
}: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className={styles.overlay} />
      <RadixDialog.Content
        className={`${styles.content} ${wide ? styles.wide : ''}`}
        onOpenAutoFocus={onOpenAutoFocus}
        onCloseAutoFocus={onCloseAutoFocus}
        {...(description ? {} : { 'aria-describedby': undefined })}
      >
        <div className={styles.header}>
          <div>
            <RadixDialog.Title className={styles.title}>{title}</RadixDialog.Title>
            {description && <RadixDialog.Description className={styles.description}>{description}</RadixDialog.Description>}
          </div>
          <RadixDialog.Close className={styles.close} aria-label="Close">
            <CloseIcon />
          </RadixDialog.Close>
        </div>
        <div className={styles.body}>{children}</div>
        {footer && <div className={styles.footer}>{footer}</div>}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  )
}
