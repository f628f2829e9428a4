// Mock controls: one JSON object in storage, read at every request (see ui-contract.md); their
// schema is controls-schema.ts.
import { controlsSchema, describeIssue, faultSchema, type Fault, type MockControls } from './controls-schema'
import { DEFAULT_CALLER } from './access'
import { invalid } from './errors'
import { CONTROLS_KEY, type KeyValueStorage } from './storage'

export type { Fault, MockControls } from './controls-schema'

export const DEFAULT_CONTROLS: MockControls = {
  latencyMs: 150,
  deployMs: 8000,
  updateMs: 8000,
  failNextDeploy: false,
  extraEndpoints: 0,
  faults: [],
  traffic: {},
  caller: DEFAULT_CALLER,
}

type Raw = Record<string, unknown>

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const readFault = (value: unknown): Fault | undefined => faultSchema.safeParse(value).data

/**
 * Checks a whole set of controls (PUT /__mock/controls) before anything is stored: the first value
 * out of its bounds, or an unknown control, is refused with 400, naming the field.
 */
export function parseControls(body: unknown): Partial<MockControls> {
  if (!isRecord(body)) throw invalid('body', 'The body must be a JSON object of mock controls.')
  const result = controlsSchema.safeParse(body)
  if (result.success) return result.data
  const { field, message } = describeIssue(result.error.issues[0])
  throw invalid(field, message)
}

export class Controls {
  private warned = false
  private cache?: { text: string | null; controls: MockControls }
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
    const text = this.storage.getItem(CONTROLS_KEY)
    // Read at every request: parsed and checked once per stored text.
    if (this.cache?.text !== text) this.cache = { text, controls: this.check(this.readRaw()) }
    const { controls } = this.cache
    return { ...controls, faults: [...controls.faults] }
  }

  /** The controls in force: each stored value the schema takes, else the default; the rest is reported once. */
  private check(raw: Raw): MockControls {
    const d = this.defaults
    const shape = controlsSchema.shape
    const result = controlsSchema.safeParse(raw)
    if (!result.success) {
      const problems = result.error.issues.map((issue) => describeIssue(issue).message)
      this.warn(
        `Ignoring mock controls in localStorage["${CONTROLS_KEY}"] that the mock does not take (the defaults apply): ${problems.join(' ')}`,
      )
    }
    return {
      // A stored value out of bounds (set by hand, or before the bounds) is ignored, not obeyed.
      latencyMs: shape.latencyMs.safeParse(raw.latencyMs).data ?? d.latencyMs,
      deployMs: shape.deployMs.safeParse(raw.deployMs).data ?? d.deployMs,
      updateMs: shape.updateMs.safeParse(raw.updateMs).data ?? d.updateMs,
      failNextDeploy: shape.failNextDeploy.safeParse(raw.failNextDeploy).data ?? d.failNextDeploy,
      extraEndpoints: shape.extraEndpoints.safeParse(raw.extraEndpoints).data ?? d.extraEndpoints,
      faults: Array.isArray(raw.faults) ? raw.faults.map(readFault).filter((f): f is Fault => f !== undefined) : d.faults,
      traffic: shape.traffic.safeParse(raw.traffic).data ?? d.traffic,
      caller: shape.caller.safeParse(raw.caller).data ?? d.caller,
    }
  }

  /** Replaces all stored controls with checked ones (PUT /__mock/controls). */
  replace(controls: Partial<MockControls>): void {
    this.storage.setItem(CONTROLS_KEY, JSON.stringify(controls))
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
    if (this.read().faults.length === 0) return undefined
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
