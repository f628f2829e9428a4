// @vitest-environment node
// The CLI as users run it: a child process on a loopback port, its state file, kill -9.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const children: ChildProcess[] = []
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mock-cli-'))
})
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

interface Run {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/mocks/cli.ts'), '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, MOCK_SERVER_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return { child, output: () => output, exited }
}

async function listening(server: Run): Promise<string> {
  for (;;) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output())
    if (match) return match[1]
    if (server.child.exitCode !== null) throw new Error(`The mock server exited:\n${server.output()}`)
    await new Promise((done) => setTimeout(done, 50))
  }
}

const call = (url: string, token: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })

const createBody = (name: string) =>
  JSON.stringify({
    name,
    config: {
      served_entities: [
        { entity_name: 'main.default.churn_model', entity_version: '3', workload_size: 'Small', scale_to_zero_enabled: true },
      ],
    },
  })

describe('mock-server CLI', { timeout: 30_000 }, () => {
  it('refuses to start on a damaged state file, naming it and the problem, and leaves the file as it is', async () => {
    const file = join(dir, 'state.json')
    writeFileSync(file, '{"serving-console.state":{"version":1,"seeded_at":0,"endpoints":[null]}}')
    const server = run(['--state-file', file])
    expect(await server.exited).not.toBe(0)
    expect(server.output()).toContain(`The saved state in the state file ${file} could not be read: endpoints[0] is null`)
    expect(server.output()).toContain('--fresh-state')
    expect(readFileSync(file, 'utf8')).toBe('{"serving-console.state":{"version":1,"seeded_at":0,"endpoints":[null]}}')
  })

  it('--fresh-state starts from the seed, says so, and keeps the old file', async () => {
    const file = join(dir, 'state.json')
    writeFileSync(file, '[]')
    const server = run(['--state-file', file, '--fresh-state'])
    const url = await listening(server)
    expect(server.output()).toContain(`--fresh-state: starting from the seed; the previous ${file} is kept as ${file}.old.`)
    const list = (await (await call(`${url}/api/2.0/serving-endpoints`, 'any')).json()) as { endpoints: { name: string }[] }
    expect(list.endpoints.map((e) => e.name)).toContain('churn-predictor')
    expect(readFileSync(`${file}.old`, 'utf8')).toBe('[]')
  })

  it('loses no acknowledged write under kill -9', async () => {
    const file = join(dir, 'state.json')
    const first = run(['--state-file', file])
    let url = await listening(first)
    const created: string[] = []
    for (let i = 0; i < 40; i++) {
      const name = `kill-test-${i}`
      const response = await call(`${url}/api/2.0/serving-endpoints`, 'any', { method: 'POST', body: createBody(name) })
      expect(response.status).toBe(200)
      created.push(name)
    }
    const deleted = await call(`${url}/api/2.0/serving-endpoints/churn-predictor`, 'any', { method: 'DELETE' })
    expect(deleted.status).toBe(200)
    first.child.kill('SIGKILL')
    await first.exited

    const second = run(['--state-file', file])
    url = await listening(second)
    const list = (await (await call(`${url}/api/2.0/serving-endpoints`, 'any')).json()) as { endpoints: { name: string }[] }
    const names = list.endpoints.map((e) => e.name)
    expect(names).toEqual(expect.arrayContaining(created))
    expect(names).not.toContain('churn-predictor')
  })

  it.each([
    [['--latency-ms', '1e9'], '--latency-ms 1e9: latencyMs must be a number of milliseconds from 0 to 60000.'],
    [['--deploy-ms', 'soon'], '--deploy-ms soon: deployMs must be a number of milliseconds from 0 to 86400000.'],
    [['--port', 'http'], '--port http: must be a whole number from 0 to 65535.'],
    [['--latency', '5'], "Unknown option '--latency'"],
  ])('refuses %j with the message alone, no stack, and exit status 1', async (args, message) => {
    const server = run(args)
    expect(await server.exited).toBe(1)
    expect(server.output()).toContain(message)
    expect(server.output()).not.toMatch(/^\s+at /m)
    expect(server.output()).not.toContain('listening on')
  })

  it('takes the token from MOCK_SERVER_TOKEN, keeping it out of argv', async () => {
    const server = run([], { MOCK_SERVER_TOKEN: 'from-the-env' })
    const url = await listening(server)
    expect((await call(`${url}/api/2.0/serving-endpoints`, 'something-else')).status).toBe(401)
    expect((await call(`${url}/api/2.0/serving-endpoints`, 'from-the-env')).status).toBe(200)
    expect(server.output()).not.toContain('from-the-env')
  })
})
