// The mock server's section of `npm run bench` (alone: `npm run bench -- --server-only`): spawns the
// CLI on a loopback port and measures point GETs at 17 vs 2,000 endpoints, per-create time over 2,000
// creates with --state-file, and list throughput at 2,000 endpoints under 20 concurrent clients.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, get as httpGet } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const TOKEN = 'bench-token'
const CREATES = 2000
const CLIENTS = 20
const LIST_REQUESTS = 600
const POINT_GETS = 300

const mean = (xs: number[]) => xs.reduce((n, x) => n + x, 0) / xs.length
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

interface Server {
  url: string
  child: ChildProcess
}

/** The CLI as users run it, on a free loopback port. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/mocks/cli.ts'), '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((done, fail) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        child.stdout?.off('data', onData)
        child.stdout?.resume()
        done({ url: match[1], child })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => fail(new Error(`The mock server exited (${code}) before listening:\n${output}`)))
  })
}

function stop(server: Server): Promise<void> {
  return new Promise((done) => {
    if (server.child.exitCode !== null) return done()
    server.child.once('exit', () => done())
    server.child.kill('SIGKILL')
  })
}

async function call(url: string, init: RequestInit = {}): Promise<number> {
  const started = performance.now()
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
  })
  await response.arrayBuffer()
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}`)
  return performance.now() - started
}

const createBody = (i: number) =>
  JSON.stringify({
    name: `bench-endpoint-${String(i).padStart(5, '0')}`,
    config: {
      served_entities: [
        { entity_name: 'main.default.churn_model', entity_version: '3', workload_size: 'Small', scale_to_zero_enabled: true },
      ],
    },
    tags: [{ key: 'team', value: 'bench' }],
  })

async function pointGets(url: string, name: string): Promise<number> {
  for (let i = 0; i < 20; i++) await call(`${url}/api/2.0/serving-endpoints/${name}`)
  const times: number[] = []
  for (let i = 0; i < POINT_GETS; i++) times.push(await call(`${url}/api/2.0/serving-endpoints/${name}`))
  return mean(times)
}

/** A lean load client (node:http, keep-alive, bytes counted, not parsed): fetch's body handling cost more than the server. */
const listAgent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
function listCall(url: string): Promise<number> {
  const started = performance.now()
  return new Promise((done, fail) => {
    const req = httpGet(
      `${url}/api/2.0/serving-endpoints`,
      { agent: listAgent, headers: { authorization: `Bearer ${TOKEN}` } },
      (res) => {
        res.on('data', () => {})
        res.on('end', () =>
          res.statusCode === 200 ? done(performance.now() - started) : fail(new Error(`list answered ${res.statusCode}`)),
        )
      },
    )
    req.on('error', fail)
  })
}

async function listThroughput(url: string) {
  for (let i = 0; i < CLIENTS; i++) await listCall(url)
  let next = 0
  const times: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next++ < LIST_REQUESTS) times.push(await listCall(url))
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return {
    req_per_s: round(times.length / seconds, 0),
    p50_ms: round(percentile(times, 50), 1),
    p99_ms: round(percentile(times, 99), 1),
  }
}

export async function benchServer() {
  const dir = mkdtempSync(join(tmpdir(), 'serving-bench-'))
  const stateFile = join(dir, 'state.json')
  const controls = (extraEndpoints: number) => JSON.stringify({ latencyMs: 0, deployMs: 1000, updateMs: 1000, extraEndpoints })
  try {
    console.log('Mock server: point GETs at 17 and 2,000 (synthetic) endpoints…')
    let server = await startCli([], { MOCK_SERVER_TOKEN: TOKEN })
    await call(`${server.url}/__mock/controls`, { method: 'PUT', body: controls(0) })
    const get17 = await pointGets(server.url, 'churn-predictor')
    const list17 = await listThroughput(server.url)
    await call(`${server.url}/__mock/controls`, { method: 'PUT', body: controls(2000) })
    const getSynthetic = await pointGets(server.url, 'churn-predictor')
    const listSynthetic = await listThroughput(server.url)
    await stop(server)

    console.log(`Mock server: ${CREATES} creates with --state-file…`)
    server = await startCli(['--state-file', stateFile, '--token', TOKEN])
    await call(`${server.url}/__mock/controls`, { method: 'PUT', body: controls(0) })
    const creates: number[] = []
    for (let i = 0; i < CREATES; i++) {
      creates.push(await call(`${server.url}/api/2.0/serving-endpoints`, { method: 'POST', body: createBody(i) }))
    }
    console.log('Mock server: point GETs and list throughput at 2,000 created endpoints…')
    const getCreated = await pointGets(server.url, 'churn-predictor')
    const listCreated = await listThroughput(server.url)
    await stop(server)

    const first = mean(creates.slice(0, 100))
    const last = mean(creates.slice(-100))
    return {
      point_get_ms: {
        at_17: round(get17),
        at_2000_synthetic: round(getSynthetic),
        at_2000_created: round(getCreated),
        ratio_created: round(getCreated / get17),
        goal_ratio: 2,
      },
      create_ms: { first_100: round(first), last_100: round(last), ratio: round(last / first), goal_ratio: 2 },
      list_20_clients: { at_17: list17, at_2000_synthetic: listSynthetic, at_2000_created: listCreated, goal_req_per_s: 300 },
    }
  } finally {
    listAgent.destroy()
    rmSync(dir, { recursive: true, force: true })
  }
}

export type ServerResults = Awaited<ReturnType<typeof benchServer>>

export function serverRows(r: ServerResults): [string, string, string][] {
  const list = (x: { req_per_s: number; p99_ms: number }) => `${x.req_per_s} req/s (p99 ${x.p99_ms} ms)`
  return [
    ['Mock server: point GET at 17 endpoints (mean)', `${r.point_get_ms.at_17} ms`, ''],
    ['… at 2,000 synthetic endpoints', `${r.point_get_ms.at_2000_synthetic} ms`, ''],
    ['… at 2,000 created endpoints', `${r.point_get_ms.at_2000_created} ms`, `goal ≤ 2× (${r.point_get_ms.ratio_created}×)`],
    ['Mock server: create, first 100 of 2,000 (mean)', `${r.create_ms.first_100} ms`, ''],
    ['… last 100 of 2,000', `${r.create_ms.last_100} ms`, `goal ≤ 2× (${r.create_ms.ratio}×)`],
    ['Mock server: list, 20 clients, 17 endpoints', list(r.list_20_clients.at_17), ''],
    ['… 2,000 synthetic endpoints', list(r.list_20_clients.at_2000_synthetic), ''],
    ['… 2,000 created endpoints', list(r.list_20_clients.at_2000_created), 'goal ≥ 300 req/s'],
  ]
}
