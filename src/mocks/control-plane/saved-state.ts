// The shape check for saved state, shared by the browser's localStorage, the mock server's state file
// and the app's "saved demo data could not be read" notice: damaged state is reported, never replaced.
import type { StoredState } from './model'

/** Saved state that is not a state: its problem says what is wrong, in words, with a path. */
export class DamagedStateError extends Error {
  readonly where: string
  readonly problem: string
  /** The storage key a copy of the damaged text was kept under, if any. */
  readonly keptIn?: string

  constructor(where: string, problem: string, keptIn?: string) {
    super(
      `The saved state in ${where} could not be read: ${problem}.${keptIn ? ` A copy is kept in localStorage["${keptIn}"].` : ''}`,
    )
    this.where = where
    this.problem = problem
    this.keptIn = keptIn
  }
}

type Raw = Record<string, unknown>

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'a string'
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}

function entitiesProblem(config: unknown, path: string): string | undefined {
  if (!isObject(config)) return `${path} is ${describe(config)}, not an object`
  if (!Array.isArray(config.served_entities)) return `${path}.served_entities is not a list`
  for (const [i, entity] of config.served_entities.entries()) {
    if (!isObject(entity) || typeof entity.name !== 'string') return `${path}.served_entities[${i}] has no name`
  }
  return undefined
}

const LEVELS: readonly unknown[] = ['CAN_VIEW', 'CAN_QUERY', 'CAN_MANAGE']
const PRINCIPALS = ['user_name', 'group_name', 'service_principal_name'] as const

function aclProblem(acl: unknown, path: string): string | undefined {
  if (!Array.isArray(acl)) return `${path} is ${describe(acl)}, not a list`
  for (const [i, entry] of acl.entries()) {
    if (!isObject(entry)) return `${path}[${i}] is ${describe(entry)}, not a grant`
    if (PRINCIPALS.filter((k) => typeof entry[k] === 'string').length !== 1) return `${path}[${i}] names no single principal`
    if (!LEVELS.includes(entry.permission_level)) return `${path}[${i}].permission_level is not a permission level`
  }
  return undefined
}

/** What is wrong with one endpoint, or undefined. Timestamps are checked because the UI formats them. */
function endpointProblem(endpoint: unknown, path: string): string | undefined {
  if (!isObject(endpoint)) return `${path} is ${describe(endpoint)}, not an endpoint object`
  if (typeof endpoint.name !== 'string' || endpoint.name === '') return `${path} has no name`
  const at = `${path} ("${endpoint.name}")`
  for (const key of ['creation_timestamp', 'last_updated_timestamp'] as const) {
    if (!isTime(endpoint[key])) return `${at}.${key} is ${describe(endpoint[key])}, not a time in milliseconds`
  }
  if (!Array.isArray(endpoint.tags)) return `${at}.tags is not a list`
  if (!Array.isArray(endpoint.events)) return `${at}.events is not a list`
  for (const [i, event] of endpoint.events.entries()) {
    if (!isObject(event) || !isTime(event.timestamp)) return `${at}.events[${i}] has no time`
  }
  if (endpoint.secrets !== undefined && !isObject(endpoint.secrets)) return `${at}.secrets is not an object`
  // States saved before access control lists existed lack them (access.ts derives one).
  if (endpoint.acl !== undefined) {
    const problem = aclProblem(endpoint.acl, `${at}.acl`)
    if (problem) return problem
  }
  if (endpoint.config !== undefined) {
    const problem = entitiesProblem(endpoint.config, `${at}.config`)
    if (problem) return problem
  }
  if (endpoint.pending !== undefined) {
    const pending = endpoint.pending
    if (!isObject(pending)) return `${at}.pending is ${describe(pending)}, not an object`
    if (!isTime(pending.start_time)) return `${at}.pending.start_time is not a time in milliseconds`
    if (pending.finishes_at !== null && !isTime(pending.finishes_at)) return `${at}.pending.finishes_at is not a time or null`
    const problem = entitiesProblem(pending.config, `${at}.pending.config`)
    if (problem) return problem
  }
  return undefined
}

/** Fills what older saved states lack; returns what is wrong with the rest, or undefined. */
export function stateProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `it is ${describe(value)}, not a state object`
  if (value.version !== 1) return `its version is ${JSON.stringify(value.version) ?? 'missing'}, not 1`
  if (!isTime(value.seeded_at)) return 'its seeded_at is not a time in milliseconds'
  if (!Array.isArray(value.endpoints)) return `its endpoints are ${describe(value.endpoints)}, not a list`
  // States saved before deleted_synthetic existed lack it.
  if (value.deleted_synthetic === undefined) value.deleted_synthetic = []
  if (!Array.isArray(value.deleted_synthetic) || value.deleted_synthetic.some((n) => typeof n !== 'string')) {
    return 'its deleted_synthetic is not a list of names'
  }
  for (const [i, endpoint] of value.endpoints.entries()) {
    const problem = endpointProblem(endpoint, `endpoints[${i}]`)
    if (problem) return problem
    // Endpoints saved before secrets existed lack them.
    if ((endpoint as Raw).secrets === undefined) (endpoint as Raw).secrets = {}
  }
  return undefined
}

/** Checks one endpoint record (the state file's journal holds them one by one). */
export function checkEndpoint(value: unknown, where: string, path: string): asserts value is StoredState['endpoints'][number] {
  const problem = endpointProblem(value, path)
  if (problem) throw new DamagedStateError(where, problem)
  if ((value as Raw).secrets === undefined) (value as Raw).secrets = {}
}

/** Checks a parsed state; throws DamagedStateError naming `where` and the problem. */
export function checkState(value: unknown, where: string): StoredState {
  const problem = stateProblem(value)
  if (problem) throw new DamagedStateError(where, problem)
  return value as StoredState
}

/** Parses and checks saved state text. */
export function parseState(text: string, where: string): StoredState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    throw new DamagedStateError(where, text.trim() === '' ? 'it is empty' : `it is not JSON (${detail})`)
  }
  return checkState(value, where)
}
