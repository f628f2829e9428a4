// The chosen external provider's fields, rendered from the registry in its order: auth choice, required
// config, Task, External model name, then the optional config.
import { useFormContext, useWatch } from 'react-hook-form'
import type { ExternalTask } from '../../api/types'
import { Field } from '../../components/field'
import { Input, Select } from '../../components/input'
import { fieldKey, fieldsFor, suggestedModels, variantById, type ProviderEntry, type ProviderField } from '../../lib/providers'
import { TASK_LABELS } from '../../lib/provider-labels'
import { afterAuthChange, keptModelName, type DialogValues } from './dialog-values'
import { ModelNameCombobox } from './model-name-combobox'
import { SecretField } from './secret-field'
import styles from './provider-fields.module.css'
import shared from './form-layout.module.css'

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

function modelHint(entry: ProviderEntry, task: ExternalTask | '', count: number): string {
  if (task === '' && Object.keys(entry.models).length > 0) return 'Choose a task to see suggested model names.'
  if (count === 0) return `Type the name of the model ${entry.label} serves.`
  return `Suggested for ${entry.label} · ${TASK_LABELS[task as ExternalTask]}; any other model name ${entry.label} serves works too.`
}

function ConfigField({ field }: { field: ProviderField }) {
  return field.secret ? <SecretField field={field} /> : <PlainField field={field} />
}

export function ProviderFields({ entry }: { entry: ProviderEntry }) {
  const { register, getValues, setValue, formState } = useFormContext<DialogValues>()
  const auth = useWatch<DialogValues, 'auth'>({ name: 'auth' })
  const task = useWatch<DialogValues, 'task'>({ name: 'task' })
  const variant = variantById(entry, auth)
  const fields = fieldsFor(entry, variant)
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
        <fieldset className={shared.fieldset}>
          <legend className={shared.legend}>Authentication</legend>
          <div className={shared.radioRow}>
            {entry.authVariants.map((v) => (
              <label key={v.id} className={shared.radio}>
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
      {fields
        .filter((f) => f.required)
        .map((field) => (
          <ConfigField key={`${variant.id}:${fieldKey(field)}`} field={field} />
        ))}
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
      <ModelNameCombobox suggestions={suggestions} hint={modelHint(entry, task, suggestions.length)} />
      {fields
        .filter((f) => !f.required)
        .map((field) => (
          <ConfigField key={`${variant.id}:${fieldKey(field)}`} field={field} />
        ))}
    </div>
  )
}
