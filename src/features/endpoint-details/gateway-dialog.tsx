// The details page's AI Gateway dialog: the form's own gateway fields and checks (components/ai-gateway),
// saved with PUT ai-gateway. Loaded when opened. A refused save keeps everything typed, the message
// at its field when the server names one, else above the buttons.
import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { FormProvider, useForm } from 'react-hook-form'
import { isApiError } from '../../api/client'
import { putAiGatewayMutation } from '../../api/mutations'
import type { ServingEndpointDetailed } from '../../api/types'
import { GatewaySettingsFields, RateLimitFields } from '../../components/ai-gateway/gateway-fields'
import {
  gatewayFieldOf,
  gatewaySchema,
  gatewayValuesOf,
  toGatewayConfig,
  type GatewayValues,
} from '../../components/ai-gateway/gateway-values'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent } from '../../components/dialog'
import { useNotify } from '../../components/use-notify'

export interface GatewayDialogProps {
  endpoint: ServingEndpointDetailed
  onClose: () => void
  /** Where focus goes back when the dialog closes (the Edit button). */
  returnFocus: () => void
}

export default function GatewayDialog({ endpoint, onClose, returnFocus }: GatewayDialogProps) {
  const { name } = endpoint
  const formId = useId()
  const queryClient = useQueryClient()
  const notify = useNotify()
  const form = useForm<GatewayValues>({
    resolver: zodResolver(gatewaySchema),
    defaultValues: gatewayValuesOf(endpoint.ai_gateway),
  })
  const mutation = useMutation(putAiGatewayMutation(queryClient, name))
  const serverError = form.formState.errors.root?.server?.message

  const save = (values: GatewayValues) =>
    mutation.mutateAsync(toGatewayConfig(values)).then(
      () => {
        notify('AI Gateway settings saved.')
        onClose()
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        const field = isApiError(error) && error.field ? gatewayFieldOf(error.field) : undefined
        if (field) form.setError(field, { type: 'server', message }, { shouldFocus: true })
        else form.setError('root.server', { type: 'server', message })
      },
    )

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        wide
        title="Edit AI Gateway"
        description={`Rate limits, usage tracking, inference tables, guardrails and fallbacks of ${name}.`}
        onCloseAutoFocus={(event) => {
          event.preventDefault()
          returnFocus()
        }}
        footer={
          <>
            <DialogClose asChild>
              <Button disabled={form.formState.isSubmitting}>Cancel</Button>
            </DialogClose>
            <Button
              type="submit"
              form={formId}
              variant="primary"
              disabled={form.formState.isSubmitting}
              aria-busy={form.formState.isSubmitting || undefined}
            >
              {form.formState.isSubmitting ? 'Saving…' : 'Save'}
            </Button>
          </>
        }
      >
        <FormProvider {...form}>
          <form id={formId} noValidate onSubmit={(event) => void form.handleSubmit(save)(event)}>
            <RateLimitFields level={3} />
            <GatewaySettingsFields level={3} />
          </form>
        </FormProvider>
        {serverError && <Alert title="Could not save the AI Gateway settings">{serverError}</Alert>}
      </DialogContent>
    </Dialog>
  )
}
