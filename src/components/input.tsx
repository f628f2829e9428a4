// Native form controls with the house look; refs pass through (React 19 ref-as-prop) for react-hook-form.
import type { ComponentProps } from 'react'
import styles from './field.module.css'

const cx = (className?: string) => (className ? `${styles.input} ${className}` : styles.input)

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cx(className)} {...props} />
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cx(className)} {...props} />
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cx(className)} {...props} />
}
