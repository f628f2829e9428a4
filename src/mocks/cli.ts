// `npm run mock-server`: the mock control plane on a real HTTP port (see http-server.ts).
import { parseArgs } from 'node:util'
import { memoryStorage, type MockControls } from './control-plane'
import { fileStorage } from './file-storage'
import { startMockServer } from './http-server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'state-file': { type: 'string' },
    token: { type: 'string' },
    'latency-ms': { type: 'string' },
    'deploy-ms': { type: 'string' },
    'update-ms': { type: 'string' },
  },
})
const defaults: Partial<MockControls> = { latencyMs: Number(values['latency-ms'] ?? 0) }
if (values['deploy-ms'] !== undefined) defaults.deployMs = Number(values['deploy-ms'])
if (values['update-ms'] !== undefined) defaults.updateMs = Number(values['update-ms'])
const { url } = await startMockServer({
  port: Number(values.port),
  storage: values['state-file'] ? fileStorage(values['state-file']) : memoryStorage(),
  token: values.token,
  defaults,
})
console.log(`Serving Console mock server listening on ${url}`)
console.log(`Try: curl -H 'Authorization: Bearer dapi-local' ${url}/api/2.0/serving-endpoints`)
