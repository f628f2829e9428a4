// Starts `npm run mock-server` on a free port for the contract tests; resolves with the child and its URL.
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export async function startServer(args = []) {
  const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['src/mocks/cli.ts', '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((resolveUrl, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`mock server did not start: ${out}`)), 20_000)
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`mock server exited with ${code}: ${out}`)))
  })
  return { child, url }
}
