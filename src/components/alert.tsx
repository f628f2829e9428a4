import type { ReactNode } from 'react'
import { ErrorIcon, WarnIcon } from './icons'
import styles from './alert.module.css'

export interface AlertProps {
  tone?: 'error' | 'warning' | 'info'
  title?: ReactNode
  children?: ReactNode
  actions?: ReactNode
  /** `alert` interrupts (errors the user must see); `status` is polite. */
  role?: 'alert' | 'status'
}

export function Alert({ tone = 'error', title, children, actions, role = tone === 'error' ? 'alert' : 'status' }: AlertProps) {
  const Icon = tone === 'error' ? ErrorIcon : WarnIcon
  return (
    <div role={role} className={`${styles.alert} ${styles[tone]}`}>
      <Icon />
      <div className={styles.body}>
        {title && <div className={styles.title}>{title}</div>}
        {children}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </div>
  )
}
