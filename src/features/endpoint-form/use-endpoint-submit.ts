// Submitting the form: create (POST, safe to retry after a dropped connection) or edit (one request per
// changed part), with server errors placed at their fields and everything typed kept.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { isApiError } from '../../api/client'
import {
  createEndpointMutation,
  patchTagsMutation,
  putAiGatewayMutation,
  putRateLimitsMutation,
  updateConfigMutation,
} from '../../api/mutations'
import { endpointQuery } from '../../api/queries'
import type { ServingEndpointDetailed } from '../../api/types'
import type { DialogFieldError } from './served-entity-dialog'
import type { EndpointFormValues } from './form-schema'
import { toCreateBody } from './payload'
import { afterStep, planEdit, STEP_PART, type EditStep } from './plan-edit'
import { placeOf } from './server-errors'

type Form = UseFormReturn<EndpointFormValues>

/** Puts an error where it belongs; returns the dialog errors for rows whose dialog holds the field. */
function useErrorPlacement(form: Form) {
  const [dialogErrors, setDialogErrors] = useState<Record<number, DialogFieldError>>({})
  /** `partial`: what this submit already saved and what failed (plural nouns), when a later request of several failed. */
  function place(error: unknown, partial?: { saved: string[]; failed: string }) {
    const reason = error instanceof Error ? error.message : 'Something went wrong. Try again.'
    const message =
      partial && partial.saved.length > 0
        ? `${sentenceStart(listOf(partial.saved))} were saved; ${partial.failed} were not. ${reason}`
        : reason
    const where =
      isApiError(error) && error.status >= 400 && error.status < 500
        ? placeOf(error.field, form.getValues('entities').length)
        : {}
    if (where.field) {
      form.setError(where.field, { type: 'server', message }, { shouldFocus: true })
      if (where.dialog) setDialogErrors({ [where.dialog.row]: { path: where.dialog.path, message } })
    } else {
      form.setError('root.server', { type: 'server', message })
    }
  }
  return { dialogErrors, clearDialogErrors: () => setDialogErrors({}), place }
}

const listOf = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`
const sentenceStart = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function useCreateSubmit(form: Form, onDone: (name: string) => void) {
  const queryClient = useQueryClient()
  const create = useMutation(createEndpointMutation(queryClient))
  const errors = useErrorPlacement(form)
  // A POST whose answer never came may have created the endpoint: look before posting again.
  const unsure = useRef<string | null>(null)

  async function submit(values: EndpointFormValues) {
    errors.clearDialogErrors()
    const body = toCreateBody(values)
    try {
      if (unsure.current === body.name) {
        const existing = await findEndpoint(body.name)
        unsure.current = null
        if (existing) {
          onDone(body.name)
          return
        }
      }
      await create.mutateAsync(body)
      onDone(body.name)
    } catch (error) {
      if (isApiError(error) && error.isNetworkError) unsure.current = body.name
      errors.place(error)
    }
  }

  async function findEndpoint(name: string): Promise<ServingEndpointDetailed | null> {
    try {
      return await queryClient.fetchQuery({ ...endpointQuery(name), retry: false, staleTime: 0 })
    } catch (error) {
      if (isApiError(error) && error.status === 404) return null
      throw error
    }
  }

  return { submit, dialogErrors: errors.dialogErrors }
}

function useEditSubmit(form: Form, endpoint: ServingEndpointDetailed | undefined, onDone: (name: string) => void) {
  const queryClient = useQueryClient()
  const name = endpoint?.name ?? ''
  const updateConfig = useMutation(updateConfigMutation(queryClient, name))
  const patchTags = useMutation(patchTagsMutation(queryClient, name))
  const putRateLimits = useMutation(putRateLimitsMutation(queryClient, name))
  const putAiGateway = useMutation(putAiGatewayMutation(queryClient, name))
  const errors = useErrorPlacement(form)
  // What the server holds, part by part: a retry after a partial failure resends only what still differs.
  const saved = useRef<EndpointFormValues>(form.formState.defaultValues as EndpointFormValues)

  async function submit(values: EndpointFormValues) {
    errors.clearDialogErrors()
    // Up to four requests in turn; if one fails, the message says which parts were saved before it.
    const savedNow: string[] = []
    let part = STEP_PART.config
    try {
      for (const step of planEdit(saved.current, values)) {
        part = STEP_PART[step.kind]
        await run(step)
        saved.current = afterStep(saved.current, values, step.kind)
        savedNow.push(part)
      }
      onDone(name)
    } catch (error) {
      errors.place(error, { saved: savedNow, failed: part })
    }
  }

  function run(step: EditStep): Promise<unknown> {
    switch (step.kind) {
      case 'config':
        return updateConfig.mutateAsync(step.body)
      case 'tags':
        return patchTags.mutateAsync({ add_tags: step.add, delete_tags: step.remove })
      case 'rateLimits':
        return putRateLimits.mutateAsync(step.body)
      case 'aiGateway':
        return putAiGateway.mutateAsync(step.body)
    }
  }

  return { submit, dialogErrors: errors.dialogErrors }
}

/** Create when there is no endpoint yet, else edit it. */
export function useEndpointSubmit(form: Form, endpoint: ServingEndpointDetailed | undefined, onDone: (name: string) => void) {
  const create = useCreateSubmit(form, onDone)
  const edit = useEditSubmit(form, endpoint, onDone)
  return endpoint ? edit : create
}
