// Querying an endpoint: its invocations route (JSON or a stream) and the OpenAI-compatible routes
// Databricks documents for the OpenAI client (base URL <workspace>/serving-endpoints, model = endpoint).
import { HttpResponse, delay, http, type HttpHandler } from 'msw'
import type { ServingEndpointDetailed } from '../api/types'
import type { ControlPlane } from './control-plane'
import { encodeEmbeddings } from './control-plane/encoding'
import { ControlPlaneError, invalid } from './control-plane/errors'
import { sseEvents, streamChunks, streamRefusal, wantsStream } from './control-plane/streaming'
import { isRecord } from './control-plane/validation'

type Params = Record<string, string | readonly string[] | undefined>
type Resolver = (info: { request: Request; params: Params }) => Promise<Response>

/** What handlers.ts lends these routes: its latency, fault and error handling, and its case-sensitive paths. */
export interface RouteKit {
  cp: ControlPlane
  route: (run: (call: { params: Params; body: () => Promise<unknown> }) => unknown) => Resolver
  path: (pattern: string) => RegExp
}

/**
 * Server-sent events, one every `pauseMs` (the latency control, per chunk) so a client sees the
 * tokens arrive. The first goes at once: the route has already waited its latency.
 */
export function eventStream(events: readonly string[], pauseMs: number, headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder()
  let next = 0
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next > 0 && pauseMs > 0) await delay(pauseMs)
      if (cancelled) return
      controller.enqueue(encoder.encode(events[next++]))
      if (next === events.length) controller.close()
    },
    cancel() {
      cancelled = true
    },
  })
  return new HttpResponse(body, {
    headers: { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  })
}

/** Answers a query: JSON, or with `"stream": true` on a chat or completions endpoint, server-sent events. */
export function invocation(cp: ControlPlane, name: string, body: unknown): Response {
  const stream = wantsStream(body)
  const { response, servedEntity } = cp.invoke(name, body)
  const headers = { 'served-model-name': servedEntity }
  if (!stream) return HttpResponse.json(encodeEmbeddings(body, response), { headers })
  const chunks = streamChunks(response)
  if (!chunks) throw streamRefusal(name, response)
  return eventStream(sseEvents(chunks), cp.controls.read().latencyMs, headers)
}

type OpenAiTask = 'llm/v1/chat' | 'llm/v1/completions' | 'llm/v1/embeddings'

const TASK_WORDS: Record<string, string> = {
  'llm/v1/chat': 'a chat',
  'llm/v1/completions': 'a completions',
  'llm/v1/embeddings': 'an embeddings',
}

/** The task the endpoint serves: its own, or its external model's; undefined for a custom model. */
function taskOf(endpoint: ServingEndpointDetailed): string | undefined {
  const entities = endpoint.config?.served_entities ?? endpoint.pending_config?.served_entities ?? []
  return endpoint.task ?? entities.find((e) => e.external_model)?.external_model?.task
}

/** A request of the OpenAI client: `model` names the endpoint, which must serve the route's task. */
function openAiCall(cp: ControlPlane, task: OpenAiTask, route: string, body: unknown): Response {
  if (!isRecord(body)) throw invalid('body', 'The request body must be a JSON object.')
  const { model, ...rest } = body
  if (typeof model !== 'string' || model === '') {
    throw invalid('model', `POST ${route} needs 'model': the name of the serving endpoint to query.`)
  }
  const served = taskOf(cp.get(model))
  if (served !== task) {
    const what = served ? `${TASK_WORDS[served] ?? served} endpoint` : 'a custom model endpoint'
    throw invalid(
      'model',
      `Endpoint '${model}' is ${what}; POST ${route} queries ${TASK_WORDS[task]} endpoint. Use its route, or /serving-endpoints/${model}/invocations.`,
    )
  }
  return invocation(cp, model, rest)
}

/**
 * The Databricks error body, plus the `error` object the OpenAI client reads its message from
 * (without it, the client's NotFoundError says only "404 status code (no body)").
 */
function openAiError(error: ControlPlaneError): Response {
  const body = error.toBody()
  return HttpResponse.json({ ...body, error: { message: body.message, code: body.error_code } }, { status: error.status })
}

export function queryRoutes({ cp, route, path }: RouteKit): HttpHandler[] {
  const openAi = (suffix: string, task: OpenAiTask) =>
    http.post(
      path(`/serving-endpoints/${suffix}`),
      route(async ({ body }) => {
        try {
          return openAiCall(cp, task, `/serving-endpoints/${suffix}`, await body())
        } catch (error) {
          if (error instanceof ControlPlaneError) return openAiError(error)
          throw error
        }
      }),
    )
  return [
    openAi('chat/completions', 'llm/v1/chat'),
    openAi('completions', 'llm/v1/completions'),
    openAi('embeddings', 'llm/v1/embeddings'),
  ]
}
