// One field-array section: a titled group of rows, each a line of labelled fields with a Remove button,
// and an Add button below. Rate limits, tags and a custom model's environment variables are uses of it.
import { useId, type ReactNode } from 'react'
import {
  get,
  useFieldArray,
  useFormContext,
  type FieldArray,
  type FieldArrayPath,
  type FieldError,
  type Path,
} from 'react-hook-form'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { PlusIcon } from '../../components/icons'
import { Input, Select } from '../../components/input'
import type { EndpointFormValues } from './form-schema'
import styles from './field-array-rows.module.css'
import shared from './form-layout.module.css'

/** A path in the form values that holds an array of rows. */
export type RowsName = FieldArrayPath<EndpointFormValues>
/** One row of the array at `N`. */
export type RowValues<N extends RowsName> = FieldArray<EndpointFormValues, N>

/** The control of one column: free text, a short number, or a choice of options. */
export type ColumnInput =
  | { kind: 'text'; spellCheck?: boolean }
  | { kind: 'numeric' }
  | { kind: 'select'; options: readonly { value: string; label: string }[] }

export interface RowColumn<N extends RowsName> {
  /** The row's property this column edits. */
  name: keyof RowValues<N> & string
  label: string
  input: ColumnInput
  optional?: boolean
  hint?: ReactNode
}

export interface FieldArrayRowsProps<N extends RowsName> {
  name: N
  /** `section`: a page section with a heading and a hint. `subsection`: a fieldset inside a card,
   * with a small Add button and the hint shown only once there are rows. */
  layout: 'section' | 'subsection'
  title: ReactNode
  hint: ReactNode
  columns: readonly RowColumn<N>[]
  /** The values of a row the Add button appends. */
  newRow: RowValues<N>
  addLabel: string
  /** The accessible name of the Remove button of row `index` (from 0). */
  removeLabel: (index: number) => string
}

export function FieldArrayRows<N extends RowsName>({
  name,
  layout,
  title,
  hint,
  columns,
  newRow,
  addLabel,
  removeLabel,
}: FieldArrayRowsProps<N>) {
  const { control, register, formState } = useFormContext<EndpointFormValues>()
  const { fields, append, remove } = useFieldArray<EndpointFormValues, N>({ control, name })
  const headingId = useId()
  const subsection = layout === 'subsection'

  const rows = fields.map((field, index) => (
    <div key={field.id} className={styles.inlineRow}>
      {columns.map((column) => {
        // The template literal loses the link to the form's types; the column name is a key of the row.
        const path = `${name}.${index}.${column.name}` as Path<EndpointFormValues>
        const error: FieldError | undefined = get(formState.errors, path)
        return (
          <Field key={column.name} label={column.label} error={error?.message} hint={column.hint} optional={column.optional}>
            {(c) => renderControl(column.input, { ...c, ...register(path) })}
          </Field>
        )
      })}
      <Button variant="ghost" className={styles.removeButton} onClick={() => remove(index)} aria-label={removeLabel(index)}>
        Remove
      </Button>
    </div>
  ))
  const add = (
    <div className={shared.addRow}>
      <Button size={subsection ? 'small' : undefined} onClick={() => append(newRow)}>
        <PlusIcon /> {addLabel}
      </Button>
    </div>
  )

  if (subsection) {
    return (
      <fieldset aria-labelledby={headingId} className={styles.envVars}>
        <legend id={headingId} className={shared.subTitle}>
          {title}
        </legend>
        {fields.length > 0 && <p className={shared.sectionHint}>{hint}</p>}
        {rows}
        {add}
      </fieldset>
    )
  }
  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <h2 id={headingId} className={shared.sectionTitle}>
        {title}
      </h2>
      <p className={shared.sectionHint}>{hint}</p>
      {rows}
      {add}
    </section>
  )
}

type ControlProps = ReturnType<ReturnType<typeof useFormContext<EndpointFormValues>>['register']> & {
  id: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

function renderControl(input: ColumnInput, props: ControlProps) {
  switch (input.kind) {
    case 'text':
      return <Input {...props} autoComplete="off" spellCheck={input.spellCheck} />
    case 'numeric':
      return <Input {...props} inputMode="numeric" className={shared.narrow} />
    case 'select':
      return (
        <Select {...props}>
          {input.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )
  }
}
