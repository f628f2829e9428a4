// The create/edit form body: Name, served entities, rate limits, tags, AI Gateway, and the buttons.
import { zodResolver } from '@hookform/resolvers/zod'
import { useMemo } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import type { ServingEndpointDetailed } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { RateLimitFields } from '../../components/ai-gateway/gateway-fields'
import { Field } from '../../components/field'
import { Input } from '../../components/input'
import { endpointFormSchema, type EndpointFormValues } from './form-schema'
import { GatewaySection } from './gateway-section'
import { LeaveDialog } from './leave-dialog'
import { useLeaveGuard } from './use-leave-guard'
import type { ExternalRule } from './served-entity-dialog'
import { ServedEntityRows } from './served-entity-rows'
import { TagRows } from './tag-rows'
import { useEndpointSubmit } from './use-endpoint-submit'
import styles from './endpoint-form.module.css'
import shared from './form-layout.module.css'

interface FormBodyProps {
  mode: 'create' | 'edit'
  defaultValues: EndpointFormValues
  /** Edit mode: the endpoint as loaded. */
  endpoint?: ServingEndpointDetailed
  cancelTo: string
  externalRule?: ExternalRule
  /** Why submitting is refused right now (edit while an update is in progress, no permission). */
  lockReason?: string
}

function EndpointFormBody({ mode, defaultValues, endpoint, cancelTo, externalRule, lockReason }: FormBodyProps) {
  const schema = useMemo(() => endpointFormSchema(mode), [mode])
  const form = useForm<EndpointFormValues>({ resolver: zodResolver(schema), defaultValues })
  const { register, handleSubmit, formState } = form
  const { blocker, navigate } = useLeaveGuard(formState.isDirty && !formState.isSubmitSuccessful)
  const { submit, dialogErrors } = useEndpointSubmit(form, endpoint, (name) => {
    navigate(`/ml/endpoints/${encodeURIComponent(name)}`, { force: true })
  })
  const serverError = formState.errors.root?.server?.message
  const pending = formState.isSubmitting

  return (
    <FormProvider {...form}>
      <form className={styles.form} noValidate onSubmit={(event) => void handleSubmit(submit)(event)}>
        <section className={shared.section} aria-label="General">
          <Field
            label="Name"
            error={formState.errors.name?.message}
            hint={
              mode === 'create'
                ? 'Letters, digits, dashes and underscores. It cannot be changed later.'
                : 'The name cannot be changed.'
            }
          >
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                spellCheck={false}
                readOnly={mode === 'edit'}
                className={styles.nameInput}
                {...register('name')}
              />
            )}
          </Field>
        </section>
        <ServedEntityRows externalRule={externalRule} dialogErrors={dialogErrors} />
        <RateLimitFields level={2} />
        <TagRows />
        <GatewaySection mode={mode} />
        <div className={styles.footer}>
          {lockReason && (
            <Alert tone="warning" role="status">
              {lockReason}
            </Alert>
          )}
          {serverError && (
            <Alert title={mode === 'create' ? 'Could not create the endpoint' : 'Could not update the endpoint'}>
              {serverError}
            </Alert>
          )}
          <div className={styles.buttons}>
            <Button type="submit" variant="primary" disabled={pending || lockReason !== undefined}>
              {mode === 'create' ? 'Create' : 'Update'}
            </Button>
            <Button onClick={() => navigate(cancelTo)} disabled={pending}>
              Cancel
            </Button>
            {pending && (
              <span className={shared.muted} role="status">
                {mode === 'create' ? 'Creating…' : 'Updating…'}
              </span>
            )}
          </div>
        </div>
      </form>
      <LeaveDialog blocker={blocker} />
    </FormProvider>
  )
}

export function CreateEndpointForm({ defaultValues }: { defaultValues: EndpointFormValues }) {
  return <EndpointFormBody mode="create" defaultValues={defaultValues} cancelTo="/ml/endpoints" />
}

export function EditEndpointForm({
  endpoint,
  defaultValues,
  lockReason,
}: {
  endpoint: ServingEndpointDetailed
  defaultValues: EndpointFormValues
  lockReason?: string
}) {
  const external = defaultValues.entities.some((e) => e.entity?.kind === 'external')
  return (
    <EndpointFormBody
      mode="edit"
      defaultValues={defaultValues}
      endpoint={endpoint}
      cancelTo={`/ml/endpoints/${encodeURIComponent(endpoint.name)}`}
      externalRule={external ? 'external-only' : 'no-external'}
      lockReason={lockReason}
    />
  )
}
