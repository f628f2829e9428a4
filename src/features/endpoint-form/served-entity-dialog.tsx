// "Select served entity": a Radix dialog with its own form. It renders in a portal, but React bubbles
// its submit to the outer form (react-hook-form #10573), so its submit handler stops propagation.
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, type FormEvent, type ReactElement } from 'react'
import { FormProvider, useForm, useFormContext, useWatch, type Path } from 'react-hook-form'
import { ucModelsQuery, ucModelVersionsQuery } from '../../api/queries'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../components/dialog'
import { Field } from '../../components/field'
import { Select } from '../../components/input'
import { PT_MODELS, ptModelFor } from '../../lib/foundation-models'
import { PROVIDERS, providerById } from '../../lib/providers'
import { afterProviderChange, dialogSchema, toChoice, toDialogValues, type DialogValues } from './dialog-values'
import type { EntityChoice } from './entity-schema'
import { ProviderFields } from './provider-fields'
import styles from './endpoint-form.module.css'

/** Edit mode: an endpoint never switches between external and non-external entities. */
export type ExternalRule = 'external-only' | 'no-external'

export interface DialogFieldError {
  path: Path<DialogValues>
  message: string
}

export interface ServedEntityDialogProps {
  trigger: ReactElement
  open: boolean
  onOpenChange: (open: boolean) => void
  initial: EntityChoice | null
  onConfirm: (choice: EntityChoice) => void
  externalRule?: ExternalRule
  /** A server error for one of the dialog's fields, shown when it opens. */
  fieldError?: DialogFieldError
}

export function ServedEntityDialog({ trigger, open, onOpenChange, ...pickerProps }: ServedEntityDialogProps) {
  const formId = useId()
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title="Select served entity"
        wide
        footer={
          <>
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button variant="primary" type="submit" form={formId}>
              Confirm
            </Button>
          </>
        }
      >
        <EntityPicker id={formId} {...pickerProps} onConfirm={(choice) => { pickerProps.onConfirm(choice); onOpenChange(false) }} />
      </DialogContent>
    </Dialog>
  )
}

const RULE_MESSAGES: Record<ExternalRule, string> = {
  'external-only': 'This endpoint serves an external model; it cannot switch to another kind of entity.',
  'no-external': 'An external model cannot be added to an endpoint created without one.',
}

type PickerProps = Omit<ServedEntityDialogProps, 'trigger' | 'open' | 'onOpenChange'> & { id: string }

function EntityPicker({ id, initial, onConfirm, externalRule, fieldError }: PickerProps) {
  const form = useForm<DialogValues>({
    resolver: zodResolver(dialogSchema),
    defaultValues: toDialogValues(initial),
  })
  const { register, handleSubmit, setError, getValues, setValue, formState } = form
  const source = useWatch({ control: form.control, name: 'source' })
  const foundation = useWatch({ control: form.control, name: 'foundation' })
  const entityName = useWatch({ control: form.control, name: 'entity_name' })
  const entry = providerById(foundation)

  useEffect(() => {
    if (fieldError) setError(fieldError.path, { type: 'server', message: fieldError.message }, { shouldFocus: true })
  }, [fieldError, setError])

  function confirm(values: DialogValues) {
    const choice = toChoice(values)
    if (!choice) return
    if (externalRule === 'external-only' && choice.kind !== 'external') {
      setError(values.source === 'uc' ? 'entity_name' : 'foundation', { message: RULE_MESSAGES[externalRule] })
      return
    }
    if (externalRule === 'no-external' && choice.kind === 'external') {
      setError('foundation', { message: RULE_MESSAGES[externalRule] })
      return
    }
    onConfirm(choice)
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.stopPropagation()
    void handleSubmit(confirm)(event)
  }

  const foundationField = register('foundation', {
    onChange: () => {
      const next = afterProviderChange(getValues(), previousFoundation)
      for (const key of ['task', 'auth', 'model_name', 'config', 'secrets'] as const) setValue(key, next[key])
    },
  })
  // The value before a change: the render after it has not happened when onChange runs.
  const previousFoundation = foundation

  return (
    <FormProvider {...form}>
      <form id={id} onSubmit={onSubmit} noValidate className={styles.dialogForm}>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Entity type</legend>
          <div className={styles.radioRow}>
            <label className={styles.radio}>
              <input type="radio" value="uc" {...register('source')} />
              Unity Catalog model
            </label>
            <label className={styles.radio}>
              <input type="radio" value="foundation" {...register('source')} />
              Foundation models
            </label>
          </div>
        </fieldset>
        {source === 'uc' ? (
          <UcModelFields entityName={entityName} onModelChange={() => setValue('entity_version', '')} />
        ) : (
          <>
            <Field label="Select a foundation model" error={formState.errors.foundation?.message}>
              {(control) => (
                <Select {...control} {...foundationField}>
                  <option value="">Choose a model or provider</option>
                  <optgroup label="Foundation Model APIs">
                    {PT_MODELS.map((m) => (
                      <option key={m.entity_name} value={m.entity_name}>
                        {m.display_name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="External model providers">
                    {PROVIDERS.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.label}
                      </option>
                    ))}
                  </optgroup>
                </Select>
              )}
            </Field>
            {ptModelFor(foundation) && (
              <p className={styles.note}>
                Provisioned throughput: set the model units on the served entity after you confirm.
              </p>
            )}
            {entry && <ProviderFields key={entry.id} entry={entry} />}
          </>
        )}
      </form>
    </FormProvider>
  )
}

function UcModelFields({ entityName, onModelChange }: { entityName: string; onModelChange: () => void }) {
  const { register, formState } = useFormContext<DialogValues>()
  const models = useQuery(ucModelsQuery())
  const versions = useQuery(ucModelVersionsQuery(entityName))
  return (
    <>
      <Field
        label="Model"
        error={formState.errors.entity_name?.message ?? (models.isError ? `Could not load models: ${models.error.message}` : undefined)}
      >
        {(control) => (
          <Select {...control} disabled={models.isPending} {...register('entity_name', { onChange: onModelChange })}>
            <option value="">{models.isPending ? 'Loading models…' : 'Select a model'}</option>
            {models.data?.registered_models.map((m) => (
              <option key={m.full_name} value={m.full_name}>
                {m.full_name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Version" error={formState.errors.entity_version?.message}>
        {(control) => (
          <Select {...control} disabled={entityName === '' || versions.isPending} {...register('entity_version')}>
            <option value="">{entityName !== '' && versions.isPending ? 'Loading versions…' : 'Select a version'}</option>
            {versions.data?.model_versions.map((v) => (
              <option key={v.version} value={String(v.version)} disabled={v.status !== 'READY'}>
                {`Version ${v.version}${v.status === 'READY' ? '' : ` (${v.status.toLowerCase().replace('_', ' ')})`}`}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  )
}
