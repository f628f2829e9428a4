// The mock server's memory under a runaway suite: RSS after 10,000 journaled requests in the default
// session and 200 sessions of 50 requests each (10,000 more). `npm run bench:mock-memory`.
import { startMockServer } from '../src/mocks/http-server'
import { LIMITS, sessionsOf } from '../src/mocks/mock-routes'

const MiB = 1024 * 1024
const rss = () => process.memoryUsage().rss / MiB

const { server, url, controlPlane } = await startMockServer({ port: 0, log: () => {} })
const headers = { authorization: 'Bearer dapi-memory', 'content-type': 'application/json' }
const body = JSON.stringify({ input: 'x'.repeat(1024) })

async function one(i: number, session?: string): Promise<void> {
  const h = session ? { ...headers, 'x-mock-session': session } : headers
  const response =
    i % 2 === 0
      ? await fetch(`${url}/api/2.0/serving-endpoints`, { headers: h })
      : await fetch(`${url}/serving-endpoints/databricks-gte-large-en/invocations`, { method: 'POST', headers: h, body })
  await response.arrayBuffer()
}

async function run(count: number, session?: string, parallel = 20): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await one(next++, session)
    }),
  )
}

await run(200)
const before = rss()
const started = performance.now()
await run(10_000)
for (let s = 0; s < 200; s++) await run(50, `memory-session-${s}`, 10)
const seconds = (performance.now() - started) / 1000
const journaled = (await (await fetch(`${url}/__mock/requests`, { headers })).json()) as { requests: unknown[] }
const after = rss()
console.log(
  JSON.stringify(
    {
      requests: 20_000,
      sessions: sessionsOf(controlPlane)?.size,
      defaultJournalKept: journaled.requests.length,
      journalBound: LIMITS.journalEntries,
      rssBeforeMiB: Math.round(before),
      rssAfterMiB: Math.round(after),
      seconds: Math.round(seconds),
    },
    null,
    2,
  ),
)
server.close()
