// Query endpoint: a request body prefilled for the endpoint's task, Send, and the answer or the error.
import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useForm } from 'react-hook-form'
import { servingApi } from '../../api/endpoints'
import type { QueryRequest, ServingEndpointDetailed } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../components/dialog'
import { Field } from '../../components/field'
import { Textarea } from '../../components/input'
import styles from './query-endpoint-dialog.module.css'
import { answerText, exampleRequest, formatJson } from './query-request'
import { queryFormSchema, type ParsedQuery, type QueryFormValues } from './query-schema'

/** Long embedding vectors would bury the answer: show their start and how many more there are. */
function abbreviate(_key: string, value: unknown): unknown {
  if (Array.isArray(value) && value.length > 8 && value.every((v) => typeof v === 'number')) {
    return [...value.slice(0, 8), `… ${value.length - 8} more`]
  }
  return value
}

export function QueryEndpointDialog({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const { name } = endpoint
  const [open, setOpen] = useState(false)
  const formId = useId()
  const example = (): QueryFormValues => ({ body: formatJson(exampleRequest(endpoint)) })
  // The form outlives the dialog's content, so a draft survives closing and reopening.
  const { register, handleSubmit, reset, formState } = useForm<QueryFormValues, unknown, ParsedQuery>({
    resolver: zodResolver(queryFormSchema),
    defaultValues: example(),
  })
  const mutation = useMutation({ mutationFn: (body: QueryRequest) => servingApi.query(name, body) })

  const answer = mutation.data && answerText(mutation.data)

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">Query endpoint</Button>
      </DialogTrigger>
      <DialogContent
        wide
        title="Query endpoint"
        description={
          <>
            Sends the request to <code>POST /serving-endpoints/{name}/invocations</code>.
          </>
        }
        footer={
          <>
            <Button variant="ghost" onClick={() => reset(example())}>
              Show example
            </Button>
            <span className={styles.spacer} />
            <DialogClose asChild>
              <Button>Close</Button>
            </DialogClose>
            <Button
              type="submit"
              form={formId}
              variant="primary"
              disabled={mutation.isPending}
              aria-busy={mutation.isPending || undefined}
            >
              {mutation.isPending ? 'Sending…' : 'Send'}
            </Button>
          </>
        }
      >
        {endpoint.state.ready !== 'READY' && (
          <Alert tone="warning">This endpoint is not ready: queries fail until its state is Ready.</Alert>
        )}
        <form id={formId} noValidate onSubmit={(event) => void handleSubmit(({ body }) => mutation.mutate(body))(event)}>
          <Field label="Request body" error={formState.errors.body?.message}>
            {(control) => <Textarea {...control} rows={12} spellCheck={false} {...register('body')} />}
          </Field>
        </form>
        {mutation.isError && <Alert title="The query failed">{mutation.error.message}</Alert>}
        {mutation.isSuccess && (
          <section aria-label="Response" className={styles.response}>
            <h3>Response</h3>
            {answer && <p className={styles.answer}>{answer}</p>}
            <pre className={styles.responseJson} aria-label="Response JSON">
              {JSON.stringify(mutation.data, abbreviate, 2)}
            </pre>
          </section>
        )}
      </DialogContent>
    </Dialog>
  )
}
