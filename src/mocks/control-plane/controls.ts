// Mock controls: one JSON object in storage, read at every request (see ui-contract.md).
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

type Raw = Record<string, unknown>

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const nonNegative = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

function readFault(value: unknown): Fault | undefined {
  if (!isRecord(value) || typeof value.path !== 'string') return undefined
  const fault: Fault = { path: value.path }
  if (typeof value.method === 'string') fault.method = value.method.toUpperCase()
  if (typeof value.status === 'number') fault.status = value.status
  if (value.network === true) fault.network = true
  if (nonNegative(value.times)) fault.times = Math.floor(value.times)
  return fault.status !== undefined || fault.network ? fault : undefined
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
      latencyMs: nonNegative(raw.latencyMs) ? raw.latencyMs : d.latencyMs,
      deployMs: nonNegative(raw.deployMs) ? raw.deployMs : d.deployMs,
      updateMs: nonNegative(raw.updateMs) ? raw.updateMs : d.updateMs,
      failNextDeploy: typeof raw.failNextDeploy === 'boolean' ? raw.failNextDeploy : d.failNextDeploy,
      extraEndpoints: nonNegative(raw.extraEndpoints) ? Math.min(Math.floor(raw.extraEndpoints), 20_000) : d.extraEndpoints,
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
