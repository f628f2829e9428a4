// Section "Rate limits": calls per minute, per user or for the whole endpoint.
import { useId } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { PlusIcon } from '../../components/icons'
import { Input, Select } from '../../components/input'
import type { EndpointFormValues } from './form-schema'
import styles from './endpoint-form.module.css'

export function RateLimitRows() {
  const { control, register, formState } = useFormContext<EndpointFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'rate_limits' })
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} className={styles.sectionTitle}>
        Rate limits
      </h2>
      <p className={styles.sectionHint}>Limit the queries per minute, per user or for the whole endpoint.</p>
      {fields.map((field, index) => {
        const errors = formState.errors.rate_limits?.[index]
        return (
          <div key={field.id} className={styles.inlineRow}>
            <Field label="Calls" error={errors?.calls?.message}>
              {(c) => <Input {...c} inputMode="numeric" className={styles.narrow} {...register(`rate_limits.${index}.calls`)} />}
            </Field>
            {/* Words for the wire values: "user" and "endpoint" alone do not say who shares the limit. */}
            <Field label="Key">
              {(c) => (
                <Select {...c} {...register(`rate_limits.${index}.key`)}>
                  <option value="user">Per user</option>
                  <option value="endpoint">Per endpoint</option>
                </Select>
              )}
            </Field>
            <Field label="Renewal period">
              {(c) => (
                <Select {...c} {...register(`rate_limits.${index}.renewal_period`)}>
                  <option value="minute">minute</option>
                </Select>
              )}
            </Field>
            <Button
              variant="ghost"
              className={styles.removeButton}
              onClick={() => remove(index)}
              aria-label={`Remove rate limit ${index + 1}`}
            >
              Remove
            </Button>
          </div>
        )
      })}
      <div className={styles.addRow}>
        <Button onClick={() => append({ calls: '', key: 'user', renewal_period: 'minute' })}>
          <PlusIcon /> Add rate limit
        </Button>
      </div>
    </section>
  )
}
