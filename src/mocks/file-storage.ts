// The mock server's --state-file. The state lives in memory; each write is appended to the file as
// one line before the request is answered, so a kill -9 loses nothing acknowledged, and a write
// costs what it changed, not the size of the store. When the appended lines outgrow the snapshot,
// the file is rewritten (tmp + rename) as one snapshot line.
//
// Line 1, the snapshot: {"serving-console.mock": "<controls JSON>", "serving-console.state": {…}}
// (files written before the journal hold the state as a JSON string, and no newline). Later lines:
// {"put": [endpoint…], "removed": [name…], "deleted_synthetic": […]}, {"set": key, "value": text},
// {"unset": key}. A last line without its newline was never acknowledged and is dropped.
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs'
import { STATE_KEY, type KeyValueStorage, type StateChange, type StateStore } from './control-plane/storage'
import { DamagedStateError, checkEndpoint, checkState, parseState } from './control-plane/saved-state'
import type { StoredEndpoint, StoredState } from './control-plane/model'

export { DamagedStateError }

export interface FileStorageOptions {
  /** Ignore what the file holds and start from the seed; the old file is kept as `<path>.old`. */
  fresh?: boolean
  /** Appended bytes past which the file is compacted (at least the snapshot's size). */
  compactAfterBytes?: number
}

type Raw = Record<string, unknown>
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)

interface Loaded {
  keys: Map<string, string>
  state: StoredState | null
  snapshotBytes: number
  journalBytes: number
  /** The file needs rewriting before anything is appended (old format, or a torn last line). */
  rewrite: boolean
}

function load(path: string): Loaded {
  const where = `the state file ${path}`
  const empty: Loaded = { keys: new Map(), state: null, snapshotBytes: 0, journalBytes: 0, rewrite: false }
  if (!existsSync(path)) return empty
  const text = readFileSync(path, 'utf8')
  if (text.trim() === '') throw new DamagedStateError(where, 'it is empty')
  const end = text.lastIndexOf('\n')
  // No newline at all: one snapshot, as written before the journal. Otherwise what follows the last
  // newline is a torn append.
  const lines = end < 0 ? [text] : text.slice(0, end).split('\n')
  const parse = (line: string, number: number): unknown => {
    try {
      return JSON.parse(line)
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      throw new DamagedStateError(where, `${number === 1 ? 'it' : `line ${number}`} is not JSON (${detail})`)
    }
  }
  const snapshot = parse(lines[0], 1)
  if (!isObject(snapshot)) {
    throw new DamagedStateError(
      where,
      `it holds ${Array.isArray(snapshot) ? 'a list' : String(snapshot)}, not an object of saved keys`,
    )
  }
  const keys = new Map<string, string>()
  let state: StoredState | null = null
  for (const [key, value] of Object.entries(snapshot)) {
    if (key === STATE_KEY) {
      if (typeof value === 'string') state = parseState(value, where)
      else state = checkState(value, where)
    } else if (typeof value === 'string') keys.set(key, value)
    else throw new DamagedStateError(where, `its "${key}" is not a string`)
  }
  const byName = new Map((state?.endpoints ?? []).map((e) => [e.name, e]))
  for (let i = 1; i < lines.length; i++) {
    const number = i + 1
    const record = parse(lines[i], number)
    if (!isObject(record)) throw new DamagedStateError(where, `line ${number} is not an object`)
    if (typeof record.set === 'string' && typeof record.value === 'string') keys.set(record.set, record.value)
    else if (typeof record.unset === 'string') {
      if (record.unset === STATE_KEY) {
        state = null
        byName.clear()
      } else keys.delete(record.unset)
    } else if (Array.isArray(record.put) || Array.isArray(record.removed)) {
      if (!state) throw new DamagedStateError(where, `line ${number} changes endpoints, but no state precedes it`)
      for (const [j, endpoint] of ((record.put ?? []) as unknown[]).entries()) {
        checkEndpoint(endpoint, where, `line ${number}: put[${j}]`)
        byName.set(endpoint.name, endpoint)
      }
      for (const name of (record.removed ?? []) as unknown[]) byName.delete(String(name))
      if (record.deleted_synthetic !== undefined) state.deleted_synthetic = record.deleted_synthetic as string[]
    } else throw new DamagedStateError(where, `line ${number} is not a change this server writes`)
  }
  if (state) {
    state.endpoints = [...byName.values()]
    checkState(state, where)
  }
  return {
    keys,
    state,
    snapshotBytes: Buffer.byteLength(lines[0]) + 1,
    journalBytes: Buffer.byteLength(text) - Buffer.byteLength(lines[0]) - 1,
    rewrite: end < 0 || end !== text.length - 1,
  }
}

/**
 * Storage persisted to a state file (see above). Throws DamagedStateError, leaving the file as it is,
 * when the file holds something that is not a saved state.
 */
export function fileStorage(
  path: string,
  { fresh = false, compactAfterBytes = 1 << 20 }: FileStorageOptions = {},
): KeyValueStorage {
  if (fresh && existsSync(path)) renameSync(path, `${path}.old`)
  let loaded = load(path)
  let { keys, state, snapshotBytes, journalBytes } = loaded
  let fd: number | undefined

  const writeAll = (text: string) => {
    const bytes = Buffer.from(text)
    fd ??= openSync(path, 'a')
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done)
    return bytes.length
  }

  const compact = () => {
    const parts = [...keys].map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    if (state) parts.push(`${JSON.stringify(STATE_KEY)}:${JSON.stringify(state)}`)
    const text = `{${parts.join(',')}}\n`
    writeFileSync(`${path}.tmp`, text)
    renameSync(`${path}.tmp`, path)
    if (fd !== undefined) closeSync(fd)
    fd = undefined
    snapshotBytes = Buffer.byteLength(text)
    journalBytes = 0
  }

  const append = (record: Raw) => {
    journalBytes += writeAll(`${JSON.stringify(record)}\n`)
    if (journalBytes > Math.max(compactAfterBytes, snapshotBytes)) compact()
  }

  if (loaded.rewrite) compact()

  const stateStore: StateStore = {
    where: `the state file ${path}`,
    load: () => state,
    save(next: StoredState, change?: StateChange) {
      state = next
      if (!change) return compact()
      const record: { put?: StoredEndpoint[]; removed?: string[]; deleted_synthetic?: string[] } = {}
      if (change.put?.length) record.put = change.put
      if (change.removed?.length) {
        record.removed = change.removed
        record.deleted_synthetic = next.deleted_synthetic
      }
      append(record)
    },
    clear() {
      state = null
      append({ unset: STATE_KEY })
    },
    discard() {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
      loaded = load(path)
      ;({ keys, state, snapshotBytes, journalBytes } = loaded)
      if (loaded.rewrite) compact()
    },
  }

  return {
    stateStore,
    getItem: (key) => (key === STATE_KEY ? (state ? JSON.stringify(state) : null) : (keys.get(key) ?? null)),
    setItem(key, value) {
      if (key === STATE_KEY) return stateStore.save(parseState(value, stateStore.where))
      keys.set(key, value)
      append({ set: key, value })
    },
    removeItem(key) {
      if (key === STATE_KEY) return stateStore.clear()
      keys.delete(key)
      append({ unset: key })
    },
  }
}
