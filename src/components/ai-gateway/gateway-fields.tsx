// The AI Gateway's fields, shared by the create/edit form and the details page's AI Gateway dialog:
// rate limits (calls and/or tokens per minute, per user, endpoint, user group or service principal),
// usage tracking, inference tables, input and output guardrails, fallbacks. They read and write the
// GatewayValues paths of whichever form provides them (the endpoint form's values include them).
import { useId, type ReactNode } from 'react'
import { get, useFieldArray, useFormContext, useWatch, type FieldError, type Path } from 'react-hook-form'
import { Button } from '../button'
import { Field } from '../field'
import { PlusIcon } from '../icons'
import { Input, Select, Textarea } from '../input'
import { NEW_RATE_LIMIT, PII_BEHAVIORS, RATE_LIMIT_KEYS, needsPrincipal, type GatewayValues } from './gateway-values'
import styles from './gateway-fields.module.css'

type Level = 2 | 3

function Heading({ level, id, children }: { level: Level; id: string; children: ReactNode }) {
  const Tag = level === 2 ? 'h2' : 'h3'
  return (
    <Tag id={id} className={level === 2 ? styles.title : styles.subTitle}>
      {children}
    </Tag>
  )
}

function useError(path: Path<GatewayValues>): string | undefined {
  const { formState } = useFormContext<GatewayValues>()
  const error: FieldError | undefined = get(formState.errors, path)
  return error?.message
}

function RateLimitRow({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { register, control } = useFormContext<GatewayValues>()
  const key = useWatch({ control, name: `rate_limits.${index}.key` })
  const calls = useError(`rate_limits.${index}.calls`)
  const tokens = useError(`rate_limits.${index}.tokens`)
  const principal = useError(`rate_limits.${index}.principal`)
  const keyError = useError(`rate_limits.${index}.key`)
  return (
    <div className={styles.row}>
      <Field label="Calls per minute" error={calls}>
        {(c) => <Input {...c} inputMode="numeric" autoComplete="off" {...register(`rate_limits.${index}.calls`)} />}
      </Field>
      <Field label="Tokens per minute" error={tokens}>
        {(c) => <Input {...c} inputMode="numeric" autoComplete="off" {...register(`rate_limits.${index}.tokens`)} />}
      </Field>
      <Field label="Key" error={keyError}>
        {(c) => (
          <Select {...c} {...register(`rate_limits.${index}.key`)}>
            {RATE_LIMIT_KEYS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {needsPrincipal(key) && (
        <Field label={key === 'user_group' ? 'User group' : 'Service principal'} error={principal}>
          {(c) => (
            <Input
              {...c}
              autoComplete="off"
              spellCheck={false}
              placeholder={key === 'user_group' ? 'analysts' : 'Application ID'}
              {...register(`rate_limits.${index}.principal`)}
            />
          )}
        </Field>
      )}
      <Button variant="ghost" className={styles.remove} onClick={onRemove} aria-label={`Remove rate limit ${index + 1}`}>
        Remove
      </Button>
    </div>
  )
}

/** Rate limits: a row per limit, each with calls and/or tokens per minute and whom it counts. */
export function RateLimitFields({ level }: { level: Level }) {
  const { control } = useFormContext<GatewayValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'rate_limits' })
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={level === 2 ? styles.section : styles.part}>
      <Heading level={level} id={headingId}>
        Rate limits
      </Heading>
      <p className={styles.hint}>
        Calls and tokens per minute, per user, for the whole endpoint, a user group or a service principal. Leave one empty for no
        limit on it; 0 turns the endpoint off for those callers.
      </p>
      {fields.map((field, index) => (
        <RateLimitRow key={field.id} index={index} onRemove={() => remove(index)} />
      ))}
      <Button onClick={() => append({ ...NEW_RATE_LIMIT })}>
        <PlusIcon /> Add rate limit
      </Button>
    </section>
  )
}

function GuardrailFields({ side }: { side: 'input' | 'output' }) {
  const { register } = useFormContext<GatewayValues>()
  const legendId = useId()
  const keywords = useError(`guardrails.${side}.invalid_keywords`)
  const topics = useError(`guardrails.${side}.valid_topics`)
  const pii = useError(`guardrails.${side}.pii`)
  return (
    <fieldset aria-labelledby={legendId} className={styles.fieldset}>
      <legend id={legendId} className={styles.legend}>
        {side === 'input' ? 'Input guardrails' : 'Output guardrails'}
      </legend>
      <label className={styles.checkbox}>
        <input type="checkbox" {...register(`guardrails.${side}.safety`)} />
        Safety
      </label>
      <Field label="PII" hint="E-mail addresses, phone numbers and card numbers." error={pii}>
        {(c) => (
          <Select {...c} className={styles.narrow} {...register(`guardrails.${side}.pii`)}>
            {PII_BEHAVIORS.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        label="Invalid keywords"
        optional
        hint={`One per line. A match refuses the ${side === 'input' ? 'request' : 'answer'}.`}
        error={keywords}
      >
        {(c) => <Textarea {...c} rows={2} spellCheck={false} {...register(`guardrails.${side}.invalid_keywords`)} />}
      </Field>
      {/* Topics are checked on requests only (Databricks' topic moderation reads the request). */}
      {side === 'input' && (
        <Field label="Valid topics" optional hint="One per line. Requests on other topics are refused." error={topics}>
          {(c) => <Textarea {...c} rows={2} {...register(`guardrails.${side}.valid_topics`)} />}
        </Field>
      )}
    </fieldset>
  )
}

/** Usage tracking, inference tables, guardrails and fallbacks; `children` go after the fallbacks. */
export function GatewaySettingsFields({ level, children }: { level: Level; children?: ReactNode }) {
  const { control, register } = useFormContext<GatewayValues>()
  const tableEnabled = useWatch({ control, name: 'inference_table.enabled' })
  const catalog = useError('inference_table.catalog')
  const schema = useError('inference_table.schema')
  const prefix = useError('inference_table.prefix')
  const guardrailsId = useId()
  return (
    <>
      <label className={styles.checkbox}>
        <input type="checkbox" {...register('usage_tracking')} />
        Enable usage tracking
      </label>
      <label className={styles.checkbox}>
        <input type="checkbox" {...register('inference_table.enabled')} />
        Enable inference tables
      </label>
      {tableEnabled && (
        <div className={styles.grid}>
          <Field label="Catalog" error={catalog}>
            {(c) => <Input {...c} placeholder="main" autoComplete="off" {...register('inference_table.catalog')} />}
          </Field>
          <Field label="Schema" error={schema}>
            {(c) => <Input {...c} placeholder="default" autoComplete="off" {...register('inference_table.schema')} />}
          </Field>
          <Field label="Table prefix" optional error={prefix}>
            {(c) => <Input {...c} autoComplete="off" {...register('inference_table.prefix')} />}
          </Field>
        </div>
      )}
      <section aria-labelledby={guardrailsId} className={styles.part}>
        <Heading level={(level + 1) as Level} id={guardrailsId}>
          Guardrails
        </Heading>
        <div className={styles.sides}>
          <GuardrailFields side="input" />
          <GuardrailFields side="output" />
        </div>
      </section>
      <label className={styles.checkbox}>
        <input type="checkbox" {...register('fallback')} />
        Enable fallbacks
      </label>
      <p className={styles.hint}>When a served external model fails, the request goes to the endpoint&apos;s next one.</p>
      {children}
    </>
  )
}
