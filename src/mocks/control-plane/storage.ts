import type { StoredEndpoint, StoredState } from './model'
import { DamagedStateError, parseState } from './saved-state'
import { DAMAGED_STATE_KEY, STATE_KEY } from '../../lib/mock-keys'

/** The part of the Web Storage API the mock uses; localStorage in the browser, a Map in Node. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  /** Set by storages that keep the endpoint state themselves (the mock server's state file). */
  readonly stateStore?: StateStore
}

/** What one write changed: the endpoints put (as they now are) and the names removed. */
export interface StateChange {
  put?: StoredEndpoint[]
  removed?: string[]
}

/** Where the endpoint state lives. load() is cheap while nothing changed underneath. */
export interface StateStore {
  /** Where the state lives, for messages: localStorage["…"] or the state file's path. */
  readonly where: string
  /** The saved state, or null when there is none yet; throws DamagedStateError when it cannot be read. */
  load(): StoredState | null
  /** Persists `state` after `change`; without a change, the whole state is new (the seed). */
  save(state: StoredState, change?: StateChange): void
  clear(): void
  /** Forgets the copy in memory: the next load() reads storage again (after a write failed half-way). */
  discard(): void
}

export { DAMAGED_STATE_KEY }

/**
 * The state as one JSON text under STATE_KEY (localStorage, memory). The parsed state is kept while
 * the text is unchanged, so a request costs a string comparison; a write from another tab is a new
 * text, parsed afresh.
 */
export function textStateStore(storage: KeyValueStorage, where = `localStorage["${STATE_KEY}"]`): StateStore {
  let text: string | null = null
  let state: StoredState | null = null
  let damage: DamagedStateError | null = null
  return {
    where,
    load() {
      const current = storage.getItem(STATE_KEY)
      if (current === null) {
        text = state = damage = null
        return null
      }
      if (current !== text) {
        text = current
        try {
          state = parseState(current, where)
          damage = null
        } catch (error) {
          if (!(error instanceof DamagedStateError)) throw error
          state = null
          damage = keepAside(storage, current, error)
        }
      }
      if (damage) throw damage
      return state
    },
    save(next) {
      text = state = damage = null
      const serialised = JSON.stringify(next)
      storage.setItem(STATE_KEY, serialised)
      text = serialised
      state = next
    },
    clear() {
      text = state = damage = null
      storage.removeItem(STATE_KEY)
    },
    discard() {
      text = state = damage = null
    },
  }
}

function keepAside(storage: KeyValueStorage, text: string, error: DamagedStateError): DamagedStateError {
  try {
    if (storage.getItem(DAMAGED_STATE_KEY) !== text) storage.setItem(DAMAGED_STATE_KEY, text)
    return new DamagedStateError(error.where, error.problem, DAMAGED_STATE_KEY)
  } catch {
    return error
  }
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { clear(): void } {
  const map = new Map(Object.entries(initial))
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
  }
}

export { CONTROLS_KEY, STATE_KEY } from '../../lib/mock-keys'
