// The control plane's state: loaded from storage (seeded when empty), with due rollouts settled on
// every read, and the synthetic endpoints of the extraEndpoints control found by name.
import type { Clock } from './clock'
import type { Controls } from './controls'
import { notFound } from './errors'
import { settle } from './lifecycle'
import type { StoredEndpoint, StoredState } from './model'
import { seedState, syntheticEndpoint } from './seed'
import { STATE_KEY, type KeyValueStorage } from './storage'

export const SYNTHETIC = /^synthetic-endpoint-(\d{5})$/

export class EndpointStore {
  private readonly storage: KeyValueStorage
  private readonly clock: Clock
  private readonly controls: Controls

  constructor(storage: KeyValueStorage, clock: Clock, controls: Controls) {
    this.storage = storage
    this.clock = clock
    this.controls = controls
  }

  private load(): StoredState {
    const text = this.storage.getItem(STATE_KEY)
    if (text !== null) {
      try {
        const state = JSON.parse(text) as StoredState
        if (state && state.version === 1 && Array.isArray(state.endpoints)) {
          // States saved before deleted_synthetic existed lack it.
          if (!Array.isArray(state.deleted_synthetic)) state.deleted_synthetic = []
          return state
        }
      } catch {
        // a corrupt store is replaced by the seed below
      }
    }
    const state = seedState(this.clock.now())
    this.save(state)
    return state
  }

  save(state: StoredState): void {
    this.storage.setItem(STATE_KEY, JSON.stringify(state))
  }

  /** Drops all state: the next read starts from the seed. */
  reset(): void {
    this.storage.removeItem(STATE_KEY)
  }

  /** Reads state with every due rollout applied; saves when anything changed. */
  read(): StoredState {
    const state = this.load()
    const now = this.clock.now()
    let changed = false
    for (const endpoint of state.endpoints) changed = settle(endpoint, now) || changed
    if (changed) this.save(state)
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
