// The in-browser mock's saved demo data, as the app sees it: whether it can be read (the mock's own
// shape check), and Reset, which takes effect at once: queries refetch and failed panels render again.
import type { QueryClient } from '@tanstack/react-query'
import { DAMAGED_STATE_KEY, STATE_KEY } from '../lib/mock-keys'

/** The mock's own shape check, loaded on first use: the list page does not pay for it up front. */
const loadStateCheck = () => import('../mocks/control-plane/saved-state')

export interface DemoDataDamage {
  problem: string
  /** The localStorage key the damaged text is kept under. */
  keptIn: string
}

export interface DemoDataSnapshot {
  damage: DemoDataDamage | null
  /** Counts resets: panels keyed on it start again after one. */
  generation: number
}

let snapshot: DemoDataSnapshot = { damage: null, generation: 0 }
let checkedText: string | null = null
const listeners = new Set<() => void>()

function publish(next: DemoDataSnapshot) {
  snapshot = next
  for (const listener of listeners) listener()
}

function problemOf(text: string, stateProblem: (value: unknown) => string | undefined): string | null {
  try {
    return stateProblem(JSON.parse(text)) ?? null
  } catch (error) {
    return text.trim() === '' ? 'it is empty' : `it is not JSON (${error instanceof Error ? error.message : String(error)})`
  }
}

/** Reads the saved demo data again; cheap when its text has not changed since the last check. */
export function checkDemoData(): void {
  const text = window.localStorage.getItem(STATE_KEY)
  if (text === checkedText && (text !== null || snapshot.damage === null)) return
  checkedText = text
  if (text === null) {
    if (snapshot.damage !== null) publish({ ...snapshot, damage: null })
    return
  }
  void loadStateCheck().then(({ stateProblem }) => {
    // Another check (or a reset) came meanwhile: its answer counts.
    if (checkedText === text) found(text, problemOf(text, stateProblem))
  })
}

function found(text: string, problem: string | null): void {
  if (problem === null) {
    if (snapshot.damage !== null) publish({ ...snapshot, damage: null })
    return
  }
  // The mock keeps the same copy when it meets the damage; the app may meet it first.
  try {
    if (window.localStorage.getItem(DAMAGED_STATE_KEY) !== text) window.localStorage.setItem(DAMAGED_STATE_KEY, text)
  } catch {
    // storage full: the notice still explains, and Reset still works
  }
  publish({ ...snapshot, damage: { problem, keptIn: DAMAGED_STATE_KEY } })
}

/** Drops the saved demo data: the mock starts again from the seed on its next request. */
export function resetDemoData(queryClient: QueryClient): void {
  window.localStorage.removeItem(STATE_KEY)
  checkedText = null
  publish({ damage: null, generation: snapshot.generation + 1 })
  void queryClient.resetQueries()
}

export function subscribeDemoData(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const demoDataSnapshot = (): DemoDataSnapshot => snapshot
