// The chosen external provider's fields, rendered from the registry: auth choice, config, Task, model name.
import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import type { ExternalTask } from '../../api/types'
import { Field } from '../../components/field'
import { Input, Select } from '../../components/input'
import { TASK_LABELS, fieldsFor, suggestedModels, type ProviderEntry, type ProviderField } from '../../lib/providers'
import { afterAuthChange, keptModelName, type DialogValues } from './dialog-values'
import { fieldKey } from './entity-schema'
import { SecretField } from './secret-field'
import styles from './endpoint-form.module.css'

function PlainField({ field }: { field: ProviderField }) {
  const key = fieldKey(field)
  const { register, formState } = useFormContext<DialogValues>()
  const error = formState.errors.config?.[key]?.message
  return (
    <Field label={field.label} optional={!field.required} error={error}>
      {(control) =>
        field.options ? (
          <Select {...control} {...register(`config.${key}`)}>
            <option value="">Select…</option>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        ) : (
          <Input {...control} placeholder={field.placeholder} autoComplete="off" {...register(`config.${key}`)} />
        )
      }
    </Field>
  )
}

export function ProviderFields({ entry }: { entry: ProviderEntry }) {
  const { register, getValues, setValue, formState } = useFormContext<DialogValues>()
  const auth = useWatch<DialogValues, 'auth'>({ name: 'auth' })
  const task = useWatch<DialogValues, 'task'>({ name: 'task' })
  const listId = useId()
  const variant = entry.authVariants.find((v) => v.id === auth) ?? entry.authVariants[0]
  const suggestions = task === '' ? [] : suggestedModels(entry, task)
  const errors = formState.errors

  const taskField = register('task', {
    onChange: (event: { target: { value: string } }) => {
      const next = event.target.value as ExternalTask | ''
      // `task` is still the value before this change: the next render has not happened yet.
      setValue('model_name', keptModelName(getValues('model_name'), entry, task, entry, next))
    },
  })

  return (
    <div className={styles.providerFields}>
      {entry.authVariants.length > 1 && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Authentication</legend>
          <div className={styles.radioRow}>
            {entry.authVariants.map((v) => (
              <label key={v.id} className={styles.radio}>
                <input
                  type="radio"
                  value={v.id}
                  {...register('auth', {
                    onChange: () => {
                      const pruned = afterAuthChange(getValues())
                      setValue('config', pruned.config)
                      setValue('secrets', pruned.secrets)
                    },
                  })}
                />
                {v.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {fieldsFor(entry, variant).map((field) =>
        field.secret ? (
          <SecretField key={`${variant.id}:${fieldKey(field)}`} field={field} />
        ) : (
          <PlainField key={`${variant.id}:${fieldKey(field)}`} field={field} />
        ),
      )}
      <Field label="Task" error={errors.task?.message}>
        {(control) => (
          <Select {...control} {...taskField}>
            {entry.tasks.length > 1 && <option value="">Select a task</option>}
            {entry.tasks.map((t) => (
              <option key={t} value={t}>
                {TASK_LABELS[t]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="External model name"
        error={errors.model_name?.message}
        hint={suggestions.length > 0 ? 'Pick a suggestion or type any model name the provider serves.' : 'Type the model name the provider serves.'}
      >
        {(control) => (
          <Input {...control} list={listId} autoComplete="off" spellCheck={false} {...register('model_name')} />
        )}
      </Field>
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </datalist>
    </div>
  )
}
