// `npm run mock-server`: the mock control plane on a real HTTP port (see http-server.ts).
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { memoryStorage, type KeyValueStorage, type MockControls } from './control-plane'
import { DamagedStateError, fileStorage } from './file-storage'
import { startMockServer } from './http-server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'state-file': { type: 'string' },
    'fresh-state': { type: 'boolean', default: false },
    token: { type: 'string' },
    'latency-ms': { type: 'string' },
    'deploy-ms': { type: 'string' },
    'update-ms': { type: 'string' },
  },
})

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
const defaults: Partial<MockControls> = { latencyMs: Number(values['latency-ms'] ?? 0) }
if (values['deploy-ms'] !== undefined) defaults.deployMs = Number(values['deploy-ms'])
if (values['update-ms'] !== undefined) defaults.updateMs = Number(values['update-ms'])
const { url } = await startMockServer({
  port: Number(values.port),
  storage: openStorage(values['state-file'], values['fresh-state']),
  token,
  defaults,
})
console.log(`Serving Console mock server listening on ${url}`)
console.log(`Try: curl -H 'Authorization: Bearer ${token === undefined ? 'dapi-local' : '<your token>'}' ${url}/api/2.0/serving-endpoints`)
