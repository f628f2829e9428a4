// "External model name": a combobox (Downshift) listing the provider's models for the task; free text too.
import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift'
import { useEffect, useId } from 'react'
import { useController } from 'react-hook-form'
import fieldStyles from '../../components/field.module.css'
import type { DialogValues } from './dialog-values'
import styles from './model-name-combobox.module.css'

export function ChevronIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 6l4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** All suggestions while the value is empty or one of them; else those containing what was typed. */
function visibleSuggestions(suggestions: readonly string[], value: string): string[] {
  const typed = value.trim().toLowerCase()
  if (typed === '' || suggestions.includes(value)) return [...suggestions]
  return suggestions.filter((s) => s.toLowerCase().includes(typed))
}

// Escape on a closed combobox must not clear what was typed (Downshift's default): the dialog closes instead.
function stateReducer(state: UseComboboxState<string>, { type, changes }: UseComboboxStateChangeOptions<string>) {
  if (type === useCombobox.stateChangeTypes.InputKeyDownEscape && !state.isOpen) {
    return { ...changes, inputValue: state.inputValue, selectedItem: state.selectedItem }
  }
  // A click on the input opens the list (it was opened by focus already); it never toggles it shut.
  if (type === useCombobox.stateChangeTypes.InputClick) return { ...changes, isOpen: true }
  return changes
}

export interface ModelNameComboboxProps {
  suggestions: readonly string[]
  hint: string
}

export function ModelNameCombobox({ suggestions, hint }: ModelNameComboboxProps) {
  const { field, fieldState } = useController<DialogValues, 'model_name'>({ name: 'model_name' })
  const items = visibleSuggestions(suggestions, field.value)
  const inputId = useId()
  const labelId = `${inputId}-label`
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps, openMenu } =
    useCombobox<string>({
      items,
      inputId,
      labelId,
      inputValue: field.value,
      onInputValueChange: ({ inputValue }) => field.onChange(inputValue),
      stateReducer,
    })
  const open = isOpen && items.length > 0

  // Radix closes the dialog on an Escape it sees at the document (capture phase); while the list is open
  // the first Escape belongs to the list. Window capture runs earlier: mark it handled, Downshift closes the list.
  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.target instanceof Element && event.target.id === inputId) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [open, inputId])

  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const error = fieldState.error?.message

  return (
    <div className={fieldStyles.field}>
      <label id={labelId} htmlFor={inputId} className={fieldStyles.label}>
        External model name
      </label>
      <div className={styles.combobox}>
        <input
          className={`${fieldStyles.input} ${styles.comboboxInput}`}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : undefined, hintId].filter(Boolean).join(' ')}
          {...getInputProps({
            name: field.name,
            onBlur: field.onBlur,
            onFocus: () => {
              if (!isOpen && suggestions.length > 0) openMenu()
            },
            ref: field.ref,
          })}
        />
        {suggestions.length > 0 && (
          <button type="button" className={styles.comboboxToggle} aria-label="Model name suggestions" {...getToggleButtonProps()}>
            <ChevronIcon />
          </button>
        )}
        <ul
          {...getMenuProps({ 'aria-labelledby': undefined, 'aria-label': 'Suggested model names' })}
          className={styles.listbox}
          hidden={!open}
        >
          {open &&
            items.map((item, index) => (
              <li
                key={item}
                className={styles.option}
                data-highlighted={highlightedIndex === index ? true : undefined}
                data-selected={item === field.value ? true : undefined}
                {...getItemProps({ item, index })}
              >
                {item}
              </li>
            ))}
        </ul>
      </div>
      <span id={hintId} className={fieldStyles.hint}>
        {hint}
      </span>
      {error && (
        <span id={errorId} className={fieldStyles.error}>
          {error}
        </span>
      )}
    </div>
  )
}
