// A labelled field: label, control, hint and error, wired with aria-describedby and aria-invalid.
import { useId, type ReactElement, type ReactNode } from 'react'
import styles from './field.module.css'

export interface FieldControlProps {
  id: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

export interface FieldProps {
  label: ReactNode
  error?: string
  hint?: ReactNode
  optional?: boolean
  className?: string
  /** Renders the control with the ids it needs. */
  children: (control: FieldControlProps) => ReactElement
}

export function Field({ label, error, hint, optional, className, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(' ') || undefined
  return (
    <div className={`${styles.field} ${className ?? ''}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
        {optional && <span className={styles.optional}> (optional)</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className={styles.error}>
          {error}
        </span>
      )}
    </div>
  )
}
