import type { ButtonHTMLAttributes } from 'react'
import styles from './button.module.css'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'default' | 'primary' | 'danger' | 'ghost'
  size?: 'default' | 'small'
}

export function Button({ variant = 'default', size = 'default', className, type = 'button', ...props }: ButtonProps) {
  const classes = [styles.button, variant !== 'default' && styles[variant], size === 'small' && styles.small, className]
    .filter(Boolean)
    .join(' ')
  return <button type={type} className={classes} {...props} />
}
