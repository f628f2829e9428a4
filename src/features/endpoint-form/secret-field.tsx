// One secret input: a {{secrets/<scope>/<key>}} reference or a masked plain-text value, never shown back.
import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { Field } from '../../components/field'
import { Input } from '../../components/input'
import { SECRET_REFERENCE_HINT, type ProviderField } from '../../lib/providers'
import type { DialogValues } from './dialog-values'
import { fieldKey, type SecretMode } from './entity-schema'
import styles from './secret-field.module.css'

export function SecretField({ field }: { field: ProviderField }) {
  const key = fieldKey(field)
  const { register, setValue, getValues, formState } = useFormContext<DialogValues>()
  const mode = useWatch<DialogValues, `secrets.${string}.mode`>({ name: `secrets.${key}.mode` }) ?? 'reference'
  const stored = getValues(`secrets.${key}.stored`) === true
  const error = formState.errors.secrets?.[key]?.value?.message
  const groupName = useId()

  function choose(next: SecretMode) {
    if (next === mode) return
    // Never carry a typed value across: a plain-text secret must not reappear as visible text.
    setValue(`secrets.${key}`, { mode: next, value: '', ...(stored ? { stored } : {}) }, { shouldDirty: true })
  }

  const hint =
    mode === 'reference'
      ? SECRET_REFERENCE_HINT
      : stored
        ? 'A value is stored. Leave empty to keep it, or type a new one.'
        : 'Sent once and never shown again.'

  return (
    <div className={styles.secret}>
      <div role="radiogroup" aria-label={`${field.label} source`} className={styles.segmented}>
        {(['reference', 'plaintext'] as const).map((value) => (
          <label key={value} className={styles.segment}>
            <input type="radio" name={groupName} value={value} checked={mode === value} onChange={() => choose(value)} />
            <span>{value === 'reference' ? 'Secret' : 'Plain text'}</span>
          </label>
        ))}
      </div>
      <Field label={field.label} hint={hint} error={error}>
        {(control) =>
          mode === 'plaintext' ? (
            <Input
              {...control}
              key="plaintext"
              type="password"
              autoComplete="off"
              data-1p-ignore=""
              data-lpignore="true"
              placeholder={stored ? 'Unchanged' : undefined}
              {...register(`secrets.${key}.value`)}
            />
          ) : (
            <Input
              {...control}
              key="reference"
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder="{{secrets/<scope>/<key>}}"
              {...register(`secrets.${key}.value`)}
            />
          )
        }
      </Field>
    </div>
  )
}
