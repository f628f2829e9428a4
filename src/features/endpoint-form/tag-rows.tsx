// Section "Tags": key/value pairs that flow into billing logs.
import { useId } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { PlusIcon } from '../../components/icons'
import { Input } from '../../components/input'
import type { EndpointFormValues } from './form-schema'
import styles from './endpoint-form.module.css'

export function TagRows() {
  const { control, register, formState } = useFormContext<EndpointFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'tags' })
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.sectionTitle}>
        Tags
      </h2>
      <p className={styles.sectionHint}>Tags appear in billing logs and help find endpoints in the list.</p>
      {fields.map((field, index) => {
        const errors = formState.errors.tags?.[index]
        return (
          <div key={field.id} className={styles.inlineRow}>
            <Field label="Key" error={errors?.key?.message}>
              {(c) => <Input {...c} autoComplete="off" {...register(`tags.${index}.key`)} />}
            </Field>
            <Field label="Value" error={errors?.value?.message} optional>
              {(c) => <Input {...c} autoComplete="off" {...register(`tags.${index}.value`)} />}
            </Field>
            <Button
              variant="ghost"
              className={styles.removeButton}
              onClick={() => remove(index)}
              aria-label={`Remove tag ${index + 1}`}
            >
              Remove
            </Button>
          </div>
        )
      })}
      <div className={styles.addRow}>
        <Button onClick={() => append({ key: '', value: '' })}>
          <PlusIcon /> Add tag
        </Button>
      </div>
    </section>
  )
}
