import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { KeyValueStorage } from './control-plane'

/** Storage persisted to a JSON file, written through on every change. */
export function fileStorage(path: string): KeyValueStorage {
  let data: Record<string, string> = {}
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
  } catch {
    data = {}
  }
  const flush = () => {
    writeFileSync(`${path}.tmp`, JSON.stringify(data))
    renameSync(`${path}.tmp`, path)
  }
  return {
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value
      flush()
    },
    removeItem: (key) => {
      delete data[key]
      flush()
    },
  }
}
