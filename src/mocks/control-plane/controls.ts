// Mock controls: one JSON object in storage, read at every request (see ui-contract.md).
import { invalid } from './errors'
import { CONTROLS_KEY, type KeyValueStorage } from './storage'

export interface Fault {
  method?: string
  path: string
  status?: number
  network?: boolean
  times?: number
}

export interface MockControls {
  latencyMs: number
  deployMs: number
  updateMs: number
  failNextDeploy: boolean
  extraEndpoints: number
  faults: Fault[]
}

export const DEFAULT_CONTROLS: MockControls = {
  latencyMs: 150,
  deployMs: 8000,
  updateMs: 8000,
  failNextDeploy: false,
  extraEndpoints: 0,
  faults: [],
}

/**
 * Upper bounds, so that no stored value can hang or flood the mock: a latency is added to every
 * request (and persists across restarts of the HTTP mock server), extra endpoints are built per list.
 */
export const CONTROL_BOUNDS = {
  latencyMs: 60_000,
  deployMs: 86_400_000,
  updateMs: 86_400_000,
  extraEndpoints: 20_000,
  faults: 100,
} as const

type NumericControl = 'latencyMs' | 'deployMs' | 'updateMs' | 'extraEndpoints'
const NUMERIC: readonly NumericControl[] = ['latencyMs', 'deployMs', 'updateMs', 'extraEndpoints']

type Raw = Record<string, unknown>

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const nonNegative = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

const inRange = (key: NumericControl, value: unknown): value is number =>
  nonNegative(value) && value <= CONTROL_BOUNDS[key] && (key !== 'extraEndpoints' || Number.isInteger(value))

/** An HTTP error status: anything else would not read as a failure (or not as HTTP at all). */
const errorStatus = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599

function readFault(value: unknown): Fault | undefined {
  if (!isRecord(value) || typeof value.path !== 'string') return undefined
  const fault: Fault = { path: value.path }
  if (typeof value.method === 'string') fault.method = value.method.toUpperCase()
  if (errorStatus(value.status)) fault.status = value.status
  if (value.network === true) fault.network = true
  if (nonNegative(value.times)) fault.times = Math.floor(value.times)
  return fault.status !== undefined || fault.network ? fault : undefined
}

function parseFault(value: unknown, field: string): Fault {
  if (!isRecord(value)) throw invalid(field, `${field} must be an object with a path and a status or network: true.`)
  for (const key of Object.keys(value)) {
    if (!['method', 'path', 'status', 'network', 'times'].includes(key)) throw invalid(`${field}.${key}`, `${field}.${key} is not a fault field.`)
  }
  if (typeof value.path !== 'string' || value.path === '') throw invalid(`${field}.path`, `${field}.path must be a path, or a prefix ending in *.`)
  if (value.method !== undefined && typeof value.method !== 'string') throw invalid(`${field}.method`, `${field}.method must be an HTTP method or *.`)
  if (value.status !== undefined && !errorStatus(value.status)) {
    throw invalid(`${field}.status`, `${field}.status must be an HTTP error status from 400 to 599.`)
  }
  if (value.network !== undefined && typeof value.network !== 'boolean') throw invalid(`${field}.network`, `${field}.network must be true or false.`)
  if (value.times !== undefined && !(nonNegative(value.times) && Number.isInteger(value.times))) {
    throw invalid(`${field}.times`, `${field}.times must be a whole number of 0 or more.`)
  }
  const fault = readFault(value)
  if (!fault) throw invalid(field, `${field} needs a status (400–599) or network: true.`)
  return fault
}

/**
 * Checks a whole set of controls (PUT /__mock/controls) before anything is stored: the first value
 * out of its bounds is refused with 400, naming the field.
 */
export function parseControls(body: unknown): Partial<MockControls> {
  if (!isRecord(body)) throw invalid('body', 'The body must be a JSON object of mock controls.')
  const controls: Partial<MockControls> = {}
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue
    if ((NUMERIC as readonly string[]).includes(key)) {
      const numeric = key as NumericControl
      if (!inRange(numeric, value)) {
        const what = numeric === 'extraEndpoints' ? 'a whole number' : 'a number of milliseconds'
        throw invalid(key, `${key} must be ${what} from 0 to ${CONTROL_BOUNDS[numeric]}.`)
      }
      controls[numeric] = value
    } else if (key === 'failNextDeploy') {
      if (typeof value !== 'boolean') throw invalid(key, 'failNextDeploy must be true or false.')
      controls.failNextDeploy = value
    } else if (key === 'faults') {
      if (!Array.isArray(value) || value.length > CONTROL_BOUNDS.faults) {
        throw invalid(key, `faults must be a list of at most ${CONTROL_BOUNDS.faults} faults.`)
      }
      controls.faults = value.map((fault, i) => parseFault(fault, `faults[${i}]`))
    } else {
      throw invalid(key, `${key} is not a mock control (known: ${[...NUMERIC, 'failNextDeploy', 'faults'].join(', ')}).`)
    }
  }
  return controls
}

export class Controls {
  private warned = false
  private readonly storage: KeyValueStorage
  private readonly defaults: MockControls
  private readonly warn: (message: string) => void

  constructor(storage: KeyValueStorage, defaults: MockControls, warn: (message: string) => void) {
    this.storage = storage
    this.defaults = defaults
    this.warn = warn
  }

  private readRaw(): Raw {
    const text = this.storage.getItem(CONTROLS_KEY)
    if (text === null) return {}
    try {
      const parsed: unknown = JSON.parse(text)
      if (isRecord(parsed)) return parsed
    } catch {
      // fall through to the warning
    }
    if (!this.warned) {
      this.warned = true
      this.warn(`Ignoring malformed mock controls in localStorage["${CONTROLS_KEY}"]: expected a JSON object.`)
    }
    return {}
  }

  read(): MockControls {
    const raw = this.readRaw()
    const d = this.defaults
    return {
      // A stored value out of bounds (set by hand, or before the bounds) is ignored, not obeyed.
      latencyMs: inRange('latencyMs', raw.latencyMs) ? raw.latencyMs : d.latencyMs,
      deployMs: inRange('deployMs', raw.deployMs) ? raw.deployMs : d.deployMs,
      updateMs: inRange('updateMs', raw.updateMs) ? raw.updateMs : d.updateMs,
      failNextDeploy: typeof raw.failNextDeploy === 'boolean' ? raw.failNextDeploy : d.failNextDeploy,
      extraEndpoints: inRange('extraEndpoints', raw.extraEndpoints) ? raw.extraEndpoints : d.extraEndpoints,
      faults: Array.isArray(raw.faults) ? raw.faults.map(readFault).filter((f): f is Fault => f !== undefined) : d.faults,
    }
  }

  write(patch: Partial<MockControls>): void {
    this.storage.setItem(CONTROLS_KEY, JSON.stringify({ ...this.readRaw(), ...patch }))
  }

  /** Takes `failNextDeploy` once: true for this deploy, false from then on. */
  takeFailNextDeploy(): boolean {
    if (!this.read().failNextDeploy) return false
    this.write({ failNextDeploy: false })
    return true
  }

  /** The first fault matching this request, with its `times` counted down (removed at zero). */
  takeFault(method: string, path: string): Fault | undefined {
    const raw = this.readRaw()
    if (!Array.isArray(raw.faults)) return undefined
    const faults: unknown[] = [...raw.faults]
    const index = faults.findIndex((f) => {
      const fault = readFault(f)
      return fault !== undefined && matches(fault, method, path) && (fault.times ?? 1) > 0
    })
    if (index < 0) return undefined
    const fault = readFault(faults[index]) as Fault
    const left = (fault.times ?? 1) - 1
    if (left > 0) faults[index] = { ...(faults[index] as Raw), times: left }
    else faults.splice(index, 1)
    this.storage.setItem(CONTROLS_KEY, JSON.stringify({ ...raw, faults }))
    return fault
  }
}

export function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method !== '*' && fault.method !== method.toUpperCase()) return false
  return fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path
}
