// The Browser tab: the request body, Send (or Stream, with Stop), and the answer or a readable error.
import { useMutation } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { servingApi } from '../../api/endpoints'
import type { QueryRequest, ServingEndpointDetailed } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { Textarea } from '../../components/input'
import styles from './query-dialog.module.css'
import { queryErrorText } from './query-error'
import { answerText } from './query-request'
import type { ParsedQuery, QueryFormValues } from './query-schema'
import { queryTask } from './query-snippets'
import { useStreamedAnswer, type StreamedAnswer } from './use-streamed-answer'

const STREAMING_TASKS = new Set(['llm/v1/chat', 'llm/v1/completions'])

/** Long embedding vectors would bury the answer: show their start and how many more there are. */
function abbreviate(_key: string, value: unknown): unknown {
  if (Array.isArray(value) && value.length > 8 && value.every((v) => typeof v === 'number')) {
    return [...value.slice(0, 8), `… ${value.length - 8} more`]
  }
  return value
}

function QueryError({ error }: { error: unknown }) {
  const { title, message, hint } = queryErrorText(error)
  return (
    <Alert title={title}>
      <p className={styles.errorMessage}>{message}</p>
      {hint && <p className={styles.errorHint}>{hint}</p>}
    </Alert>
  )
}

function streamStatus({ status, finishReason }: StreamedAnswer): string {
  if (status === 'streaming') return 'Streaming…'
  if (status === 'stopped') return 'Stopped: the answer above is incomplete.'
  if (status === 'done') return finishReason === 'length' ? 'Finished: the answer reached max_tokens.' : 'Finished.'
  return ''
}

export interface QueryBrowserTabProps {
  endpoint: ServingEndpointDetailed
  form: UseFormReturn<QueryFormValues, unknown, ParsedQuery>
  example: () => QueryFormValues
}

export function QueryBrowserTab({ endpoint, form, example }: QueryBrowserTabProps) {
  const { name } = endpoint
  const formId = useId()
  const canStream = STREAMING_TASKS.has(queryTask(endpoint) ?? '')
  const [stream, setStream] = useState(false)
  const mutation = useMutation({ mutationFn: (body: QueryRequest) => servingApi.query(name, body) })
  const streamed = useStreamedAnswer(name)
  const streaming = streamed.answer.status === 'streaming'
  const { register, handleSubmit, reset, formState } = form
  const sendId = useId()
  const stopId = useId()
  const wasStreaming = useRef(false)

  // Send is disabled while a stream runs: the keyboard focus moves to Stop, and back to Send when it goes.
  useEffect(() => {
    const focused = document.activeElement
    if (streaming && (focused === document.getElementById(sendId) || focused === document.body)) {
      document.getElementById(stopId)?.focus()
    }
    // When Stop goes, the focus falls to the body or (Radix's focus trap) to the dialog itself.
    const lost = focused === null || focused === document.body || focused.getAttribute('role') === 'dialog'
    if (!streaming && wasStreaming.current && lost) {
      document.getElementById(sendId)?.focus()
    }
    wasStreaming.current = streaming
  }, [streaming, sendId, stopId])

  const send = ({ body }: ParsedQuery) => {
    if (canStream && stream) {
      mutation.reset()
      streamed.start(body)
    } else {
      streamed.reset()
      mutation.mutate(body)
    }
  }
  const answer = mutation.data && answerText(mutation.data)
  const busy = mutation.isPending || streaming

  return (
    <div className={styles.browser}>
      {endpoint.state.ready !== 'READY' && (
        <Alert tone="warning">This endpoint is not ready: queries fail until its state is Ready.</Alert>
      )}
      <p className={styles.muted}>
        Sends the request to <code>POST /serving-endpoints/{name}/invocations</code>.
      </p>
      <form id={formId} noValidate onSubmit={(event) => void handleSubmit(send)(event)}>
        <Field label="Request body" error={formState.errors.body?.message}>
          {(control) => <Textarea {...control} rows={12} spellCheck={false} {...register('body')} />}
        </Field>
        <div className={styles.actions}>
          {canStream && (
            <label className={styles.checkbox}>
              <input type="checkbox" checked={stream} disabled={busy} onChange={(e) => setStream(e.target.checked)} />
              Stream
            </label>
          )}
          <Button variant="ghost" onClick={() => reset(example())}>
            Show example
          </Button>
          <span className={styles.spacer} />
          {streaming && (
            <Button id={stopId} onClick={streamed.stop}>
              Stop
            </Button>
          )}
          <Button id={sendId} type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
      {mutation.isError && <QueryError error={mutation.error} />}
      {streamed.answer.status === 'failed' && <QueryError error={streamed.answer.error} />}
      {mutation.isSuccess && (
        <section aria-label="Response" className={styles.response}>
          <h3>Response</h3>
          {answer && <p className={styles.answer}>{answer}</p>}
          <pre className={styles.responseJson} aria-label="Response JSON">
            {JSON.stringify(mutation.data, abbreviate, 2)}
          </pre>
        </section>
      )}
      {streamed.answer.status !== 'idle' && streamed.answer.status !== 'failed' && (
        <section aria-label="Response" aria-busy={streaming} className={styles.response}>
          <h3>Response</h3>
          <p className={styles.answer} aria-label="Streamed answer">
            {streamed.answer.text}
          </p>
          <p role="status" className={styles.muted}>
            {streamStatus(streamed.answer)}
          </p>
        </section>
      )}
    </div>
  )
}
