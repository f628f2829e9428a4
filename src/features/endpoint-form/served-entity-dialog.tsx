// "Select served entity": a Radix dialog with its own form. It renders in a portal, but React bubbles
// its submit to the outer form (react-hook-form #10573), so its submit handler stops propagation.
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, type FormEvent, type ReactElement } from 'react'
import { FormProvider, useForm, useFormContext, useWatch, type Path } from 'react-hook-form'
import { ucModelsQuery, ucModelVersionsQuery } from '../../api/queries'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../components/dialog'
import { Field } from '../../components/field'
import { Input, Select } from '../../components/input'
import { PT_MODELS, ptModelFor } from '../../lib/foundation-models'
import { PROVIDERS, providerById } from '../../lib/providers'
import {
  afterProviderChange,
  derivedName,
  dialogSchema,
  toChoice,
  toDialogValues,
  type DialogValues,
  type EntityNames,
} from './dialog-values'
import type { EntityChoice } from './entity-schema'
import { ProviderFields } from './provider-fields'
import styles from './served-entity-dialog.module.css'
import shared from './form-layout.module.css'
import { ThroughputFields } from './throughput-fields'

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
  /** The row's served entity name as set ('' = derived) and, on edit, its name on the server. */
  names: EntityNames
  /** The chosen entity and the Served entity name as typed ('' = derive it from the model). */
  onConfirm: (choice: EntityChoice, servedName: string) => void
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
        <EntityPicker
          id={formId}
          {...pickerProps}
          onConfirm={(choice, servedName) => {
            pickerProps.onConfirm(choice, servedName)
            onOpenChange(false)
          }}
        />
      </DialogContent>
    </Dialog>
  )
}

const RULE_MESSAGES: Record<ExternalRule, string> = {
  'external-only': 'This endpoint serves an external model; it cannot switch to another kind of entity.',
  'no-external': 'An external model cannot be added to an endpoint created without one.',
}

type PickerProps = Omit<ServedEntityDialogProps, 'trigger' | 'open' | 'onOpenChange'> & { id: string }

function EntityPicker({ id, initial, names, onConfirm, externalRule, fieldError }: PickerProps) {
  const form = useForm<DialogValues>({
    resolver: zodResolver(dialogSchema),
    defaultValues: toDialogValues(initial, names),
    // react-hook-form focuses in registration order (Task came first); focus follows what the person sees.
    shouldFocusError: false,
  })
  const formRef = useRef<HTMLFormElement>(null)
  // Set by a failed Confirm; acted on after the next commit, the one that renders the submit's errors.
  const focusInvalid = useRef(false)
  useEffect(() => {
    if (!focusInvalid.current) return
    focusInvalid.current = false
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
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
      setError(
        values.source === 'uc' ? 'entity_name' : 'foundation',
        { message: RULE_MESSAGES[externalRule] },
        { shouldFocus: true },
      )
      return
    }
    if (externalRule === 'no-external' && choice.kind === 'external') {
      setError('foundation', { message: RULE_MESSAGES[externalRule] }, { shouldFocus: true })
      return
    }
    onConfirm(choice, values.served_name.trim())
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.stopPropagation()
    // The first invalid field in visual order gets focus once its message is on screen.
    void handleSubmit(confirm, () => {
      focusInvalid.current = true
    })(event)
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
      <form id={id} ref={formRef} onSubmit={onSubmit} noValidate className={styles.dialogForm}>
        <fieldset className={shared.fieldset}>
          <legend className={shared.legend}>Entity type</legend>
          <div className={shared.radioRow}>
            <label className={shared.radio}>
              <input type="radio" value="uc" {...register('source')} />
              Unity Catalog model
            </label>
            <label className={shared.radio}>
              <input type="radio" value="foundation" {...register('source')} />
              Foundation models
            </label>
          </div>
        </fieldset>
        {source === 'uc' ? (
          <>
            <UcModelFields entityName={entityName} onModelChange={() => setValue('entity_version', '')} />
            <ThroughputFields />
          </>
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
              <p className={shared.note}>Provisioned throughput: set the model units on the served entity after you confirm.</p>
            )}
            {entry && <ProviderFields key={entry.id} entry={entry} />}
          </>
        )}
        <ServedNameField />
      </form>
    </FormProvider>
  )
}

/** Optional: the API's `name`. Left empty, the name is derived from the model and follows it. */
function ServedNameField() {
  const { register, formState, control } = useFormContext<DialogValues>()
  const values = useWatch({ control }) as DialogValues
  const derived = derivedName(values)
  return (
    <Field
      label="Served entity name"
      optional
      error={formState.errors.served_name?.message}
      hint={
        derived === ''
          ? 'Letters, digits, dashes and underscores. Left empty, it is derived from the model.'
          : `Letters, digits, dashes and underscores. Left empty, it is ${derived} (follows the model).`
      }
    >
      {(c) => (
        <Input {...c} autoComplete="off" spellCheck={false} placeholder={derived || undefined} {...register('served_name')} />
      )}
    </Field>
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
        error={
          formState.errors.entity_name?.message ?? (models.isError ? `Could not load models: ${models.error.message}` : undefined)
        }
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
