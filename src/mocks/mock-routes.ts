// The mock's own API for test suites, beside /__mock/controls and /__mock/reset (handlers.ts): the
// request journal, the state as JSON, named scenarios, the clock over HTTP, and sessions (one state,
// journal, controls and clock per X-Mock-Session id). Answered the same by the browser worker,
// msw/node and the HTTP server: createHandlers() puts frontHandler() first and mockRoutes() among its routes.
import { HttpResponse, getResponse, http, type HttpHandler } from 'msw'
import { ControlPlane, ControlPlaneError } from './control-plane'
import { MAX_OFFSET_MS } from './control-plane/clock'
import { invalid, noRoute } from './control-plane/errors'
import type { StoredState } from './control-plane/model'
import { DamagedStateError, checkState } from './control-plane/saved-state'
import { SCENARIOS, SCENARIO_NAMES, isScenarioName } from './control-plane/scenarios'
import { redactPlaintext, withoutPlaintext } from './control-plane/secrets'
import { memoryStorage } from './control-plane/storage'
import { candidates } from './dispatch'

export const SESSION_HEADER = 'X-Mock-Session'
export const SCENARIO_HEADER = 'X-Mock-Scenario'

/** Bounds, documented in the README: a runaway suite cannot exhaust the server's memory. */
export const LIMITS = {
  /** Requests kept per journal (per session); the oldest go first. */
  journalEntries: 1000,
  /** Request body text kept per journal, all entries together; the oldest go first. */
  journalBodyBytes: 1024 * 1024,
  /** A body longer than this is journaled as `{ "truncated": true }` with its length. */
  journalBodyEach: 64 * 1024,
  /** Sessions at once; a new one beyond it drops the least recently used. */
  sessions: 256,
  /** A session unused this long is dropped (10 minutes). */
  sessionIdleMs: 10 * 60_000,
} as const

const SESSION_ID = /^[A-Za-z0-9._-]{1,128}$/

const ORIGIN = String.raw`^[a-zA-Z][a-zA-Z\d+.-]*://[^/]*`
/** Every request the handlers answer: the Databricks API (in any case, as handlers.ts) and the mock's own routes. */
const ANSWERED = new RegExp(`${ORIGIN}/+(?:api|serving-endpoints|__mock)(?:/|$)`, 'i')
const MOCK_PATH = /^\/__mock(?:\/|$)/

// ---- the request journal ----

export interface JournalEntry {
  /** Counts from 1 per journal; a cleared journal goes on counting. */
  id: number
  /** Mock clock, epoch milliseconds, when the request arrived. */
  time: number
  method: string
  path: string
  query: Record<string, string>
  /** The answer's status; 0 when a fault dropped the connection. */
  status: number
  /** The JSON body with every *_plaintext value redacted, the text when not JSON, absent when empty. */
  body?: unknown
}

export interface JournalFilter {
  method?: string
  /** A path prefix, e.g. /api/2.0/serving-endpoints */
  path?: string
}

export class Journal {
  private entries: { entry: JournalEntry; bytes: number }[] = []
  private bodyBytes = 0
  private nextId = 1

  add(entry: Omit<JournalEntry, 'id'>, bytes: number): void {
    this.entries.push({ entry: { id: this.nextId++, ...entry }, bytes })
    this.bodyBytes += bytes
    let drop = 0
    let dropped = 0
    while (this.entries.length - drop > LIMITS.journalEntries || this.bodyBytes - dropped > LIMITS.journalBodyBytes) {
      dropped += this.entries[drop].bytes
      drop++
    }
    if (drop > 0) {
      this.entries.splice(0, drop)
      this.bodyBytes -= dropped
    }
  }

  list({ method, path }: JournalFilter = {}): JournalEntry[] {
    const upper = method?.toUpperCase()
    return this.entries
      .map(({ entry }) => entry)
      .filter((e) => (upper === undefined || e.method === upper) && (path === undefined || e.path.startsWith(path)))
  }

  clear(): void {
    this.entries = []
    this.bodyBytes = 0
  }

  get size(): number {
    return this.entries.length
  }
}

/** The body as the journal keeps it, and what it costs against the journal's body budget. */
function journalBody(text: string): { body?: unknown; bytes: number } {
  if (text === '') return { bytes: 0 }
  if (text.length > LIMITS.journalBodyEach) return { body: { truncated: true, length: text.length }, bytes: 64 }
  try {
    return { body: redactPlaintext(JSON.parse(text) as unknown), bytes: text.length }
  } catch {
    // Not JSON: kept as text, unless it carries what looks like a plain-text secret.
    return { body: /_plaintext/.test(text) ? '[REDACTED: not JSON]' : text, bytes: text.length }
  }
}

// ---- sessions ----

interface Session {
  controlPlane: ControlPlane
  handlers: HttpHandler[]
  lastUsed: number
}

export interface SessionOptions {
  /** The time idleness is measured in (not the mock clock, which tests move). */
  now?: () => number
  /** At most this many sessions (LIMITS.sessions). */
  max?: number
}

/** The sessions of one default control plane, least recently used first. */
export class Sessions {
  private readonly map = new Map<string, Session>()
  private readonly root: ControlPlane
  private readonly make: (controlPlane: ControlPlane) => HttpHandler[]
  private readonly now: () => number
  private readonly max: number

  constructor(
    root: ControlPlane,
    make: (controlPlane: ControlPlane) => HttpHandler[],
    { now = () => Date.now(), max = LIMITS.sessions }: SessionOptions = {},
  ) {
    this.root = root
    this.make = make
    this.now = now
    this.max = max
  }

  get size(): number {
    return this.map.size
  }

  has(id: string): boolean {
    return this.map.has(id)
  }

  /** The session `id`, created on first use from the seed or the named scenario. */
  get(id: string, scenario: string | null): Session {
    if (!SESSION_ID.test(id)) {
      throw invalid(
        SESSION_HEADER,
        `The ${SESSION_HEADER} header must be 1 to 128 characters, each a letter, a digit, '.', '_' or '-'.`,
      )
    }
    const now = this.now()
    this.dropIdle(now)
    const found = this.map.get(id)
    if (found) {
      this.map.delete(id)
      this.map.set(id, found)
      found.lastUsed = now
      return found
    }
    if (scenario !== null && !isScenarioName(scenario)) throw unknownScenario(scenario)
    const controlPlane = new ControlPlane({
      storage: memoryStorage(),
      clock: this.root.clock.base,
      // A session starts with the controls the default session has in force, less its one-shot ones.
      defaults: { ...this.root.controls.read(), faults: [], failNextDeploy: false },
    })
    runtimes.set(controlPlane, { journal: new Journal(), session: { id, sessions: this } })
    if (scenario !== null) controlPlane.replaceState(SCENARIOS[scenario](controlPlane.clock.now()))
    const session = { controlPlane, handlers: this.make(controlPlane), lastUsed: now }
    if (this.map.size >= this.max) {
      const oldest = this.map.keys().next().value
      if (oldest !== undefined) this.map.delete(oldest)
    }
    this.map.set(id, session)
    return session
  }

  drop(id: string): boolean {
    return this.map.delete(id)
  }

  clear(): void {
    this.map.clear()
  }

  private dropIdle(now: number): void {
    for (const [id, session] of this.map) {
      if (now - session.lastUsed <= LIMITS.sessionIdleMs) break
      this.map.delete(id)
    }
  }
}

// ---- what each control plane carries beside its state ----

interface Runtime {
  journal: Journal
  /** Set for a session's control plane; the default one has `sessions` instead. */
  session?: { id: string; sessions: Sessions }
  sessions?: Sessions
}

const runtimes = new WeakMap<ControlPlane, Runtime>()

function runtimeOf(controlPlane: ControlPlane): Runtime {
  let runtime = runtimes.get(controlPlane)
  if (!runtime) {
    runtime = { journal: new Journal() }
    runtimes.set(controlPlane, runtime)
  }
  return runtime
}

/** The journal of this control plane's requests (for Node tests that hold the control plane). */
export const journalOf = (controlPlane: ControlPlane): Journal => runtimeOf(controlPlane).journal

/** The sessions behind this default control plane (for Node tests and the memory measurement). */
export function sessionsOf(controlPlane: ControlPlane): Sessions | undefined {
  return runtimeOf(controlPlane).sessions
}

const errorResponse = (error: ControlPlaneError) => HttpResponse.json(error.toBody(), { status: error.status })

function unknownScenario(name: string): ControlPlaneError {
  return new ControlPlaneError(
    'RESOURCE_DOES_NOT_EXIST',
    `There is no scenario named '${name}'. Known scenarios: ${SCENARIO_NAMES.join(', ')}.`,
  )
}

/**
 * The first handler: a request with X-Mock-Session goes to that session's own handlers; any other
 * request to the API is answered by `handlers` and journaled. The mock's own routes fall through
 * unjournaled.
 */
export function frontHandler(
  controlPlane: ControlPlane,
  handlers: readonly HttpHandler[],
  make: (controlPlane: ControlPlane) => HttpHandler[],
  options: SessionOptions = {},
): HttpHandler {
  const runtime = runtimeOf(controlPlane)
  if (!runtime.session) runtime.sessions ??= new Sessions(controlPlane, make, options)
  return http.all(ANSWERED, async ({ request }) => {
    const id = request.headers.get(SESSION_HEADER)
    if (id !== null && runtime.sessions) {
      try {
        const session = runtime.sessions.get(id, request.headers.get(SCENARIO_HEADER))
        const response = await getResponse(candidates(session.handlers, request), request)
        return response ?? errorResponse(noRoute(request.method, new URL(request.url).pathname))
      } catch (error) {
        if (error instanceof ControlPlaneError) return errorResponse(error)
        throw error
      }
    }
    const url = new URL(request.url)
    if (MOCK_PATH.test(url.pathname)) return undefined
    const time = journalTime(controlPlane)
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text()
    const response = await getResponse(candidates(handlers, request), request)
    const { body, bytes } = journalBody(text)
    const entry: Omit<JournalEntry, 'id'> = {
      time,
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: response?.status ?? 404,
    }
    if (body !== undefined) entry.body = body
    runtime.journal.add(entry, bytes)
    return response
  })
}

/** The mock clock now; its base clock when the offset cannot be read (the route then reports the storage failure). */
function journalTime(controlPlane: ControlPlane): number {
  try {
    return controlPlane.clock.now()
  } catch {
    return controlPlane.clock.base.now()
  }
}

// ---- the routes ----

type Params = Record<string, string | readonly string[] | undefined>

/** handlers.ts's route(): parses, runs, serialises and turns ControlPlaneErrors into answers. */
type Route = (
  run: (call: { params: Params; body: () => Promise<unknown>; url: URL }) => unknown,
  options?: { mock?: boolean },
) => (info: { request: Request; params: Params }) => Promise<Response>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The state as exported: plain-text secrets (kept write-only) are left out, wherever a field holds them. */
function exportable(state: StoredState): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip)
    if (!isRecord(value)) return value
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'secrets' && isRecord(v) ? {} : strip(v)]))
  }
  return strip(withoutPlaintext(state))
}

function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(body).find((key) => !allowed.includes(key))
  if (extra !== undefined)
    throw invalid(extra, `Unknown field '${extra}'; this route takes ${allowed.map((k) => `'${k}'`).join(', ')}.`)
}

function offsetFrom(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || Math.abs(value) > MAX_OFFSET_MS) {
    throw invalid(field, `Field '${field}' must be a whole number of milliseconds within ±${MAX_OFFSET_MS} (100 years).`)
  }
  return value
}

function clockOf(controlPlane: ControlPlane) {
  return { now: controlPlane.clock.now(), offset_ms: controlPlane.clock.offsetMs }
}

export function mockRoutes(controlPlane: ControlPlane, route: Route): HttpHandler[] {
  const cp = controlPlane
  const mock = { mock: true }
  const runtime = runtimeOf(cp)
  const exact = (path: string) => new RegExp(`${ORIGIN}${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$`)
  return [
    http.get(
      exact('/__mock/requests'),
      route(({ url }) => {
        const filter: JournalFilter = {}
        for (const [key, value] of url.searchParams) {
          if (key !== 'method' && key !== 'path')
            throw invalid(key, `Unknown filter '${key}'; filter by 'method' or 'path' (a prefix).`)
          filter[key] = value
        }
        return { requests: runtime.journal.list(filter) }
      }, mock),
    ),
    http.delete(
      exact('/__mock/requests'),
      route(() => {
        runtime.journal.clear()
        return {}
      }, mock),
    ),
    http.get(
      exact('/__mock/state'),
      route(() => ({ state: exportable(cp.exportState()), clock_offset_ms: cp.clock.offsetMs }), mock),
    ),
    http.put(
      exact('/__mock/state'),
      route(async ({ body }) => {
        const raw = await body()
        if (!isRecord(raw)) throw invalid('body', 'The body must be a JSON object: {"state": {…}, "clock_offset_ms": N}.')
        onlyKeys(raw, ['state', 'clock_offset_ms'])
        const offset = raw.clock_offset_ms === undefined ? undefined : offsetFrom(raw.clock_offset_ms, 'clock_offset_ms')
        let state: StoredState
        try {
          state = checkState(raw.state, 'the request body')
        } catch (error) {
          if (!(error instanceof DamagedStateError)) throw error
          throw invalid('state', `Field 'state' is not a mock state: ${error.problem}. Nothing was changed.`)
        }
        cp.replaceState(state)
        if (offset !== undefined) cp.clock.setOffset(offset)
        return { endpoints: state.endpoints.length, ...clockOf(cp) }
      }, mock),
    ),
    http.get(
      exact('/__mock/scenarios'),
      route(() => ({ scenarios: SCENARIO_NAMES }), mock),
    ),
    http.post(
      new RegExp(`${ORIGIN}/__mock/scenario/(?<name>[^/]+)/?$`),
      route(({ params }) => {
        const name = String(params.name ?? '')
        if (!isScenarioName(name)) throw unknownScenario(name)
        const state = SCENARIOS[name](cp.clock.now())
        cp.replaceState(state)
        return { scenario: name, endpoints: state.endpoints.length }
      }, mock),
    ),
    http.get(
      exact('/__mock/clock'),
      route(() => clockOf(cp), mock),
    ),
    http.post(
      exact('/__mock/clock'),
      route(async ({ body }) => {
        const raw = await body()
        if (!isRecord(raw)) throw invalid('body', 'The body must be a JSON object: {"advanceMs": N} or {"set": <epoch ms>}.')
        onlyKeys(raw, ['advanceMs', 'set'])
        if ((raw.advanceMs === undefined) === (raw.set === undefined)) {
          throw invalid('body', "Send exactly one of 'advanceMs' and 'set'.")
        }
        if (raw.advanceMs !== undefined) {
          const ms = offsetFrom(raw.advanceMs, 'advanceMs')
          if (ms < 0) throw invalid('advanceMs', "Field 'advanceMs' must be 0 or more: the mock clock does not run backwards.")
          cp.clock.setOffset(offsetFrom(cp.clock.offsetMs + ms, 'advanceMs'))
        } else {
          if (typeof raw.set !== 'number' || !Number.isSafeInteger(raw.set) || raw.set < 0) {
            throw invalid('set', "Field 'set' must be a time in epoch milliseconds (a whole number, 0 or more).")
          }
          cp.clock.setOffset(offsetFrom(raw.set - cp.clock.base.now(), 'set'))
        }
        return clockOf(cp)
      }, mock),
    ),
    http.delete(
      exact('/__mock/session'),
      route(() => {
        if (!runtime.session) {
          throw invalid(SESSION_HEADER, `Send the ${SESSION_HEADER} header of the session to drop; the default session stays.`)
        }
        runtime.session.sessions.drop(runtime.session.id)
        return {}
      }, mock),
    ),
  ]
}
