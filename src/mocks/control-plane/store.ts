// The control plane's state: kept parsed by a StateStore (seeded when empty), with due rollouts settled
// on read, and the synthetic endpoints of the extraEndpoints control found by name.
import type { Clock } from './clock'
import type { Controls } from './controls'
import { ControlPlaneError, notFound } from './errors'
import { settle } from './lifecycle'
import type { StoredEndpoint, StoredState } from './model'
import { DamagedStateError } from './saved-state'
import { seedState, syntheticEndpoint } from './seed'
import { textStateStore, type KeyValueStorage, type StateChange, type StateStore } from './storage'

export const SYNTHETIC = /^synthetic-endpoint-(\d{5})$/

export class EndpointStore {
  private readonly states: StateStore
  private readonly clock: Clock
  private readonly controls: Controls
  /** The state last walked for due rollouts, and the earliest time one of its rollouts is due. */
  private walked: StoredState | null = null
  private nextDue = -Infinity
  /** Counts saves, so that what is derived from the state (the list's body) knows when to derive again. */
  revision = 0

  constructor(storage: KeyValueStorage, clock: Clock, controls: Controls) {
    this.states = storage.stateStore ?? textStateStore(storage)
    this.clock = clock
    this.controls = controls
  }

  private load(): StoredState {
    let state: StoredState | null
    try {
      state = this.states.load()
    } catch (error) {
      if (!(error instanceof DamagedStateError)) throw error
      throw new ControlPlaneError(
        'INTERNAL_ERROR',
        `${error.message} The mock answers no request until it is reset (Developer menu → Reset demo data, or POST /__mock/reset).`,
      )
    }
    if (state) return state
    const seeded = seedState(this.clock.now())
    this.save(seeded)
    return seeded
  }

  /** Persists a write. `change` names what changed; without it the whole state is saved. */
  save(state: StoredState, change?: StateChange): void {
    for (const endpoint of change?.put ?? []) {
      if (!state.endpoints.includes(endpoint)) state.endpoints.push(endpoint)
      const due = endpoint.pending?.finishes_at
      if (typeof due === 'number') this.nextDue = Math.min(this.nextDue, due)
    }
    if (!change) this.walked = null
    this.revision++
    this.states.save(state, change)
  }

  /** Drops all state: the next read starts from the seed. */
  reset(): void {
    this.walked = null
    this.states.clear()
  }

  /** After a write failed half-way: the next read takes the state from storage, not from memory. */
  discard(): void {
    this.walked = null
    this.states.discard()
  }

  /** Reads state with every due rollout applied; saves what changed. Walks the endpoints only when one is due. */
  read(): StoredState {
    const state = this.load()
    const now = this.clock.now()
    if (state !== this.walked) {
      this.walked = state
      this.nextDue = -Infinity
    }
    if (now < this.nextDue) return state
    const settled: StoredEndpoint[] = []
    let nextDue = Infinity
    for (const endpoint of state.endpoints) {
      if (settle(endpoint, now)) settled.push(endpoint)
      const due = endpoint.pending?.finishes_at
      if (typeof due === 'number') nextDue = Math.min(nextDue, due)
    }
    this.nextDue = nextDue
    if (settled.length > 0) this.save(state, { put: settled })
    return state
  }

  private syntheticIndex(state: StoredState, name: string): number | undefined {
    const match = SYNTHETIC.exec(name)
    if (!match) return undefined
    const index = Number(match[1]) - 1
    if (index < 0 || index >= this.controls.read().extraEndpoints || state.deleted_synthetic.includes(name)) return undefined
    return index
  }

  find(state: StoredState, name: string): StoredEndpoint | undefined {
    const stored = state.endpoints.find((e) => e.name === name)
    if (stored) return stored
    const index = this.syntheticIndex(state, name)
    return index === undefined ? undefined : syntheticEndpoint(index, state.seeded_at)
  }

  mustFind(state: StoredState, name: string): StoredEndpoint {
    const endpoint = this.find(state, name)
    if (!endpoint) throw notFound(name)
    return endpoint
  }
}
