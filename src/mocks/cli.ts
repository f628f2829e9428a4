// `npm run mock-server`: the mock control plane on a real HTTP port (see http-server.ts).
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ControlPlaneError, memoryStorage, type KeyValueStorage, type MockControls } from './control-plane'
import { parseControls } from './control-plane/controls'
import { DamagedStateError, fileStorage } from './file-storage'
import { startMockServer } from './http-server'

/** A mistake in how the server was started: its message alone, no stack, and exit status 1. */
function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        'state-file': { type: 'string' },
        'fresh-state': { type: 'boolean', default: false },
        token: { type: 'string' },
        'latency-ms': { type: 'string' },
        'deploy-ms': { type: 'string' },
        'update-ms': { type: 'string' },
      },
    }).values
  } catch (error) {
    return fail(messageOf(error))
  }
}

const values = readArgs()

/** The flags that set a mock control, checked with the schema PUT /__mock/controls uses. */
const CONTROL_FLAGS = { latencyMs: 'latency-ms', deployMs: 'deploy-ms', updateMs: 'update-ms' } as const

function readDefaults(): Partial<MockControls> {
  const given: Record<string, number> = { latencyMs: 0 }
  for (const [control, flag] of Object.entries(CONTROL_FLAGS)) {
    const text = values[flag]
    // Number('') is 0: an empty value is a mistake, not zero.
    if (text !== undefined) given[control] = text.trim() === '' ? Number.NaN : Number(text)
  }
  try {
    return parseControls(given)
  } catch (error) {
    const flag = Object.entries(CONTROL_FLAGS).find(
      ([control]) => error instanceof ControlPlaneError && error.field === control,
    )?.[1]
    return fail(flag ? `--${flag} ${values[flag] ?? ''}: ${messageOf(error)}` : messageOf(error))
  }
}

function readPort(text: string): number {
  const port = Number(text)
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port ${text}: must be a whole number from 0 to 65535.`)
  return port
}

/** The state file, or memory. A file that holds something other than a saved state stops the server. */
function openStorage(path: string | undefined, fresh: boolean): KeyValueStorage {
  if (path === undefined) return memoryStorage()
  const existed = existsSync(path)
  try {
    const storage = fileStorage(path, { fresh })
    if (fresh && existed) console.log(`--fresh-state: starting from the seed; the previous ${path} is kept as ${path}.old.`)
    else if (fresh) console.log(`--fresh-state: starting from the seed in ${path}.`)
    return storage
  } catch (error) {
    if (!(error instanceof DamagedStateError)) throw error
    console.error(
      `${error.message}\nThe file is left as it is. Repair it, move it away, or start again from the seed with --fresh-state (the file is then kept as ${path}.old).`,
    )
    process.exit(1)
  }
}

// The token from the environment keeps it out of `ps`; the Vite proxy sends the same variable.
const token = values.token ?? (process.env.MOCK_SERVER_TOKEN || undefined)
const port = readPort(values.port)
const defaults = readDefaults()
const { url } = await startMockServer({
  port,
  storage: openStorage(values['state-file'], values['fresh-state']),
  token,
  defaults,
}).catch((error: unknown) => fail(messageOf(error)))
console.log(`Serving Console mock server listening on ${url}`)
console.log(
  `Try: curl -H 'Authorization: Bearer ${token === undefined ? 'dapi-local' : '<your token>'}' ${url}/api/2.0/serving-endpoints`,
)
