// A custom model's environment variables: name/value rows inside its served-entity card.
import { useId } from 'react'
import { useFieldArray, useFormContext } from 'react-hook-form'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { PlusIcon } from '../../components/icons'
import { Input } from '../../components/input'
import type { EndpointFormValues } from './form-schema'
import styles from './endpoint-form.module.css'

export function EnvVarRows({ entityIndex }: { entityIndex: number }) {
  const { control, register, formState } = useFormContext<EndpointFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: `entities.${entityIndex}.env` })
  const headingId = useId()
  const entity = entityIndex + 1
  return (
    <fieldset aria-labelledby={headingId} className={styles.envVars}>
      <legend id={headingId} className={styles.subTitle}>
        Environment variables <span className={styles.muted}>(optional)</span>
      </legend>
      {fields.length > 0 && (
        <p className={styles.sectionHint}>Values are stored as typed: refer to credentials as {'{{secrets/<scope>/<key>}}'}.</p>
      )}
      {fields.map((field, index) => {
        const errors = formState.errors.entities?.[entityIndex]?.env?.[index]
        return (
          <div key={field.id} className={styles.inlineRow}>
            <Field label="Variable name" error={errors?.name?.message}>
              {(c) => (
                <Input {...c} autoComplete="off" spellCheck={false} {...register(`entities.${entityIndex}.env.${index}.name`)} />
              )}
            </Field>
            <Field label="Variable value" error={errors?.value?.message}>
              {(c) => (
                <Input {...c} autoComplete="off" spellCheck={false} {...register(`entities.${entityIndex}.env.${index}.value`)} />
              )}
            </Field>
            <Button
              variant="ghost"
              className={styles.removeButton}
              onClick={() => remove(index)}
              aria-label={`Remove environment variable ${index + 1} of served entity ${entity}`}
            >
              Remove
            </Button>
          </div>
        )
      })}
      <div className={styles.addRow}>
        <Button size="small" onClick={() => append({ name: '', value: '' })}>
          <PlusIcon /> Add environment variable
        </Button>
      </div>
    </fieldset>
  )
}
