// AI Gateway at query time: rate limits over a sliding minute on the mock clock, input and output
// guardrails, and usage tracking. In memory per ControlPlane, bounded; nothing here is persisted.
import type {
  AiGatewayConfig,
  AiGatewayRateLimit,
  GuardrailParameters,
  QueryResponse,
  ServingEndpointDetailed,
} from '../../api/types'
import { groupsOf, type Caller } from './access'
import { ControlPlaneError } from './errors'
import { isRecord } from './fields'

const MINUTE = 60_000
/** Rate-limit windows kept at once; the least recently used goes first. */
const MAX_WINDOWS = 1_000
/** Usage records kept per endpoint, and endpoints tracked. */
const MAX_USAGE_RECORDS = 1_000
const MAX_USAGE_ENDPOINTS = 200

export interface UsageRecord {
  timestamp: number
  caller: string
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

export interface UsageSummary {
  requests: number
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
  /** The newest records, oldest first (at most MAX_USAGE_RECORDS). */
  records: UsageRecord[]
}

interface Window {
  /** [timestamp, tokens] of the requests let through, oldest first. */
  entries: [number, number][]
}

// ---- PII ----

export type PiiKind = 'e-mail address' | 'phone number' | 'card number'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g
const PHONE = /(?:\+\d{1,3}[ .-]?)?(?:\(\d{3}\)|\b\d{3})[ .-]?\d{3}[ .-]?\d{4}\b/g

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const isCard = (match: string) => luhn(match.replace(/\D/g, ''))

/** The first kind of PII in `text`, if any: e-mail addresses, card numbers (Luhn-valid), phone numbers. */
export function findPii(text: string): PiiKind | undefined {
  if (new RegExp(EMAIL.source).test(text)) return 'e-mail address'
  if ((text.match(CARD) ?? []).some(isCard)) return 'card number'
  if (new RegExp(PHONE.source).test(text)) return 'phone number'
  return undefined
}

export const PII_MASK = '[REDACTED]'

/** `text` with every e-mail address, card number and phone number replaced by [REDACTED]. */
export function maskPii(text: string): string {
  return text
    .replace(EMAIL, PII_MASK)
    .replace(CARD, (m) => (isCard(m) ? PII_MASK : m))
    .replace(PHONE, PII_MASK)
}

// ---- safety (a fixed mock list: the mock has no classifier) ----

export const HARMFUL_PHRASES = ['build a bomb', 'make a weapon', 'hurt someone', 'kill someone'] as const

// ---- the texts of a request and of an answer ----

/** The texts a guardrail reads in a query body: chat messages, prompts, embeddings inputs. */
function requestTexts(body: unknown): string[] {
  if (!isRecord(body)) return []
  const out: string[] = []
  if (Array.isArray(body.messages)) {
    for (const m of body.messages) if (isRecord(m) && typeof m.content === 'string') out.push(m.content)
  }
  for (const key of ['prompt', 'input'] as const) {
    const value = body[key]
    if (typeof value === 'string') out.push(value)
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(v)
  }
  return out
}

/** The same body with `map` applied to each text a guardrail reads. */
function mapRequestTexts(body: unknown, map: (text: string) => string): unknown {
  if (!isRecord(body)) return body
  const out: Record<string, unknown> = { ...body }
  if (Array.isArray(body.messages)) {
    out.messages = body.messages.map((m) =>
      isRecord(m) && typeof m.content === 'string' ? { ...m, content: map(m.content) } : m,
    )
  }
  for (const key of ['prompt', 'input'] as const) {
    const value = body[key]
    if (typeof value === 'string') out[key] = map(value)
    else if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? map(v) : v))
  }
  return out
}

function answerTexts(response: QueryResponse): string[] {
  if (!('choices' in response)) return []
  return response.choices.map((c) => ('message' in c ? c.message.content : c.text))
}

function mapAnswerTexts(response: QueryResponse, map: (text: string) => string): QueryResponse {
  if (!('choices' in response)) return response
  if (response.object === 'chat.completion') {
    return {
      ...response,
      choices: response.choices.map((c) => ({ ...c, message: { ...c.message, content: map(c.message.content) } })),
    }
  }
  return { ...response, choices: response.choices.map((c) => ({ ...c, text: map(c.text) })) }
}

// ---- guardrails ----

type Side = 'input' | 'output'

function blocked(side: Side, guardrail: string, reason: string): ControlPlaneError {
  const what = side === 'input' ? 'The request' : 'The response'
  return new ControlPlaneError(
    'BAD_REQUEST',
    `${what} was blocked by the AI Gateway ${side} guardrail '${guardrail}': ${reason}.`,
  )
}

/** Throws when a text breaks a blocking guardrail of `side`; PII MASK is applied by the caller. */
function checkGuardrail(side: Side, params: GuardrailParameters | undefined, texts: string[]): void {
  if (!params || texts.length === 0) return
  const joined = texts.join('\n')
  const lower = joined.toLowerCase()
  const verb = side === 'input' ? 'it contains' : 'it contained'
  if (params.safety) {
    const phrase = HARMFUL_PHRASES.find((p) => lower.includes(p))
    if (phrase) throw blocked(side, 'safety', `${verb} unsafe content`)
  }
  if (params.pii?.behavior === 'BLOCK') {
    const kind = findPii(joined)
    if (kind) throw blocked(side, 'pii', `${verb} personal information (${kind === 'e-mail address' ? 'an' : 'a'} ${kind})`)
  }
  const keyword = (params.invalid_keywords ?? []).find((k) => k.trim() !== '' && lower.includes(k.trim().toLowerCase()))
  if (keyword !== undefined) throw blocked(side, 'invalid_keywords', `${verb} the keyword '${keyword.trim()}'`)
  const topics = (params.valid_topics ?? []).filter((t) => t.trim() !== '')
  if (side === 'input' && topics.length > 0 && !topics.some((t) => lower.includes(t.trim().toLowerCase()))) {
    throw blocked(side, 'valid_topics', `it is not about an allowed topic (${topics.map((t) => t.trim()).join(', ')})`)
  }
}

// ---- rate limits ----

function applies(limit: AiGatewayRateLimit, caller: Caller): boolean {
  switch (limit.key) {
    case 'endpoint':
      return true
    case 'user':
      return limit.principal === undefined || limit.principal === caller.user_name
    case 'user_group':
      return limit.principal !== undefined && groupsOf(caller).includes(limit.principal)
    case 'service_principal':
      // A service principal calls under its application ID, as in the permissions.
      return limit.principal !== undefined && limit.principal === caller.user_name
  }
}

/** Callers that share one window: everyone for the endpoint and a group; each user alone for `user`. */
function windowKey(endpoint: string, limit: AiGatewayRateLimit, index: number, caller: Caller): string {
  const who = limit.key === 'user' ? caller.user_name : (limit.principal ?? '')
  return JSON.stringify([endpoint, index, limit.key, who, limit.calls ?? null, limit.tokens ?? null])
}

const WHO: Record<AiGatewayRateLimit['key'], string> = {
  user: 'per user',
  endpoint: 'for the endpoint',
  user_group: 'for user group',
  service_principal: 'for service principal',
}

function limitText(limit: AiGatewayRateLimit, what: 'calls' | 'tokens'): string {
  const who =
    limit.key === 'user_group' || limit.key === 'service_principal' ? `${WHO[limit.key]} '${limit.principal}'` : WHO[limit.key]
  const n = limit[what] ?? 0
  return `${n} ${n === 1 ? what.slice(0, -1) : what} per minute ${who}`
}

export class GatewayEnforcer {
  private readonly windows = new Map<string, Window>()
  private readonly usage = new Map<string, UsageRecord[]>()

  /**
   * Runs one query through the endpoint's AI Gateway: rate limits, input guardrails, `answer` (with
   * the request as the input guardrails left it), output guardrails, then usage tracking.
   */
  invoke<T extends { response: QueryResponse }>(
    endpoint: Pick<ServingEndpointDetailed, 'name' | 'ai_gateway'>,
    body: unknown,
    caller: Caller,
    now: number,
    answer: (body: unknown) => T,
  ): T {
    const gateway: AiGatewayConfig = endpoint.ai_gateway ?? {}
    const windows = this.admit(endpoint.name, gateway.rate_limits ?? [], caller, now)
    const input = gateway.guardrails?.input
    checkGuardrail('input', input, requestTexts(body))
    const sent = input?.pii?.behavior === 'MASK' ? mapRequestTexts(body, maskPii) : body
    const result = answer(sent)
    const output = gateway.guardrails?.output
    checkGuardrail('output', output, answerTexts(result.response))
    const response = output?.pii?.behavior === 'MASK' ? mapAnswerTexts(result.response, maskPii) : result.response
    const tokens = 'usage' in response ? response.usage.total_tokens : 0
    for (const w of windows) w.entries.push([now, tokens])
    if (gateway.usage_tracking_config?.enabled && 'usage' in response) this.track(endpoint.name, caller, now, response.usage)
    return { ...result, response }
  }

  /** Refuses the query if a limit that applies is 0 or used up; answers the windows it will count in. */
  private admit(name: string, limits: AiGatewayRateLimit[], caller: Caller, now: number): Window[] {
    const mine = limits.map((limit, index) => ({ limit, index })).filter(({ limit }) => applies(limit, caller))
    if (mine.some(({ limit }) => limit.calls === 0 || limit.tokens === 0)) {
      throw new ControlPlaneError('PERMISSION_DENIED', 'The endpoint is disabled due to a rate limit set to 0.')
    }
    const windows: Window[] = []
    for (const { limit, index } of mine) {
      const window = this.window(windowKey(name, limit, index, caller), now)
      const calls = window.entries.length
      const tokens = window.entries.reduce((n, [, t]) => n + t, 0)
      const over =
        limit.calls !== undefined && calls >= limit.calls
          ? 'calls'
          : limit.tokens !== undefined && tokens >= limit.tokens
            ? 'tokens'
            : undefined
      if (over) {
        const retry = Math.max(1, Math.ceil((window.entries[0][0] + MINUTE - now) / 1000))
        throw new ControlPlaneError(
          'REQUEST_LIMIT_EXCEEDED',
          `Rate limit exceeded on endpoint '${name}': ${limitText(limit, over)}. Try again in ${retry} second${retry === 1 ? '' : 's'}.`,
        )
      }
      windows.push(window)
    }
    return windows
  }

  /** The window under `key`, with entries older than a minute dropped; bounded in count (LRU). */
  private window(key: string, now: number): Window {
    const window = this.windows.get(key) ?? { entries: [] }
    this.windows.delete(key)
    this.windows.set(key, window)
    while (window.entries.length > 0 && window.entries[0][0] <= now - MINUTE) window.entries.shift()
    if (this.windows.size > MAX_WINDOWS) {
      const oldest = this.windows.keys().next().value
      if (oldest !== undefined) this.windows.delete(oldest)
    }
    return window
  }

  private track(
    name: string,
    caller: Caller,
    now: number,
    usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number },
  ): void {
    const records = this.usage.get(name) ?? []
    this.usage.delete(name)
    this.usage.set(name, records)
    records.push({ timestamp: now, caller: caller.user_name, ...usage })
    if (records.length > MAX_USAGE_RECORDS) records.splice(0, records.length - MAX_USAGE_RECORDS)
    if (this.usage.size > MAX_USAGE_ENDPOINTS) {
      const oldest = this.usage.keys().next().value
      if (oldest !== undefined) this.usage.delete(oldest)
    }
  }

  /** Token counts recorded for an endpoint with usage tracking on (for the Metrics work), from `since` on. */
  usageOf(name: string, since = 0): UsageSummary {
    const records = (this.usage.get(name) ?? []).filter((r) => r.timestamp >= since)
    const sum = (key: 'prompt_tokens' | 'completion_tokens' | 'total_tokens') => records.reduce((n, r) => n + r[key], 0)
    return {
      requests: records.length,
      prompt_tokens: sum('prompt_tokens'),
      completion_tokens: sum('completion_tokens'),
      total_tokens: sum('total_tokens'),
      records: records.map((r) => ({ ...r })),
    }
  }
}
