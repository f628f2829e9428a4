/** The part of the Web Storage API the mock uses; localStorage in the browser, a Map in Node. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
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
