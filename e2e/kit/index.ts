// Playwright fixtures for suites that test against the Serving Console's mock backend (README, "Use it from code").
//
// Import `test` and `expect` from this module instead of @playwright/test; each test then gets a
// `servingMock` fixture: scenario('busy') (before or after page.goto), controls({ updateMs: 60_000 }),
// advance(120_000) (page.clock and the mock's clock together), requests({ method: 'POST' }), reset().
// The README's "Use it from code" prints a complete spec (kit.spec.ts runs it).
//
// Two modes (test.use({ servingMockMode })):
// - 'worker' (default): the app's own msw service worker answers in the page, as for a user.
// - 'route': the same handlers answer through page.route in the test's process, service workers
//   blocked, so that a test's own page.route() overrides win over the mock and route.fallback()
//   reaches it (Playwright's routes never see what a service worker answers).
import { test as base, expect, type Page, type Route } from '@playwright/test'
import { getResponse } from 'msw'
import { ControlPlane, memoryStorage } from '../../src/mocks/control-plane'
import { CLOCK_KEY } from '../../src/mocks/control-plane/clock'
import type { MockControlsInput } from '../../src/mocks/control-plane/controls-schema'
import { DamagedStateError, checkState } from '../../src/mocks/control-plane/saved-state'
import { SCENARIOS, SCENARIO_NAMES, isScenarioName, type ScenarioName } from '../../src/mocks/control-plane/scenarios'
import { CONTROLS_KEY, STATE_KEY } from '../../src/mocks/control-plane/storage'
import { createHandlers } from '../../src/mocks/handlers'
import type { JournalEntry, JournalFilter } from '../../src/mocks/mock-routes'

export type { JournalEntry, JournalFilter, ScenarioName }
export type MockControls = MockControlsInput
export type ServingMockMode = 'worker' | 'route'

/** What GET /__mock/state answers, and what scenario() and PUT /__mock/state take. */
export interface MockState {
  state: unknown
  clock_offset_ms?: number
}

export interface ServingMock {
  /** Sets these controls, keeping the others; answers the controls in force. */
  controls(partial: MockControls): Promise<MockControls>
  /** Loads a named scenario (empty, seed, busy, large, failing) or a state exported by state(). */
  scenario(nameOrState: ScenarioName | MockState): Promise<void>
  /** The whole state, as GET /__mock/state exports it. */
  state(): Promise<MockState>
  /** The API requests the mock answered, oldest first; `path` is a prefix. */
  requests(filter?: JournalFilter): Promise<JournalEntry[]>
  /** The seed again, the clock unshifted and the journal empty; controls kept. */
  reset(): Promise<void>
  /** Moves page.clock and the mock's clock forward together. */
  advance(ms: number): Promise<void>
}

const ANSWERED = /^\/+(?:api|serving-endpoints|__mock)(?:\/|$)/i

interface Answer {
  status: number
  json: unknown
}

function check({ status, json }: Answer, what: string): unknown {
  if (status >= 200 && status < 300) return json
  const message = (json as { message?: unknown } | null)?.message
  throw new Error(`servingMock.${what}: the mock answered ${status}${typeof message === 'string' ? `: ${message}` : ''}`)
}

/** The mock API behind one mode: the mock's own routes, called as a test suite calls them. */
interface Transport {
  call(method: string, path: string, body?: unknown): Promise<Answer>
  /** Before the first page load the worker cannot answer yet: what is asked is written to localStorage. */
  preload?(): { write(key: string, value: string | null): Promise<void> } | undefined
  /** Whether the mock runs on the page's clock (then page.clock alone moves it). */
  pageClock: boolean
}

function workerTransport(page: Page): Transport {
  let ready = false
  let writes = 0
  return {
    pageClock: true,
    preload() {
      if (page.url() !== 'about:blank') return undefined
      return {
        async write(key, value) {
          // Runs before the app's scripts on the first load only: a reload keeps what the mock made of it.
          const once = `serving-mock-preload-${writes++}`
          await page.addInitScript(
            ([k, v, flag]) => {
              if (window.sessionStorage.getItem(flag)) return
              window.sessionStorage.setItem(flag, '1')
              if (v === null) window.localStorage.removeItem(k)
              else window.localStorage.setItem(k, v)
            },
            [key, value, once] as const,
          )
        },
      }
    },
    async call(method, path, body) {
      if (!ready) {
        await expect(page.locator('html'), 'the in-browser mock answers').toHaveAttribute('data-mock-backend', 'ready')
        ready = true
      }
      return page.evaluate(
        async ([m, p, b]) => {
          const response = await fetch(p, {
            method: m,
            headers: b === undefined ? {} : { 'Content-Type': 'application/json' },
            body: b,
          })
          const text = await response.text()
          return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
        },
        [method, path, body === undefined ? undefined : JSON.stringify(body)] as const,
      )
    },
  }
}

async function routeTransport(page: Page): Promise<Transport> {
  const controlPlane = new ControlPlane({ storage: memoryStorage() })
  const handlers = createHandlers(controlPlane)
  const answer = async (request: Request) => getResponse(handlers, request)
  await page.route(
    (url) => ANSWERED.test(url.pathname),
    async (route: Route) => {
      const sent = route.request()
      const headers = Object.fromEntries(Object.entries(await sent.allHeaders()).filter(([key]) => !key.startsWith(':')))
      const method = sent.method()
      const data = method === 'GET' || method === 'HEAD' ? null : sent.postDataBuffer()
      const body = data ? new Uint8Array(data) : undefined
      const response = await answer(new Request(sent.url(), { method, headers, body }))
      if (!response) return route.fallback()
      if (response.type === 'error') return route.abort('connectionreset')
      return route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      })
    },
  )
  return {
    pageClock: false,
    async call(method, path, body) {
      const response = await answer(
        new Request(`http://localhost${path}`, {
          method,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      )
      if (!response) throw new Error(`servingMock: no mock route for ${method} ${path}`)
      const text = await response.text()
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
    },
  }
}

function stateFor(nameOrState: ScenarioName | MockState): MockState {
  if (typeof nameOrState !== 'string') return nameOrState
  if (!isScenarioName(nameOrState)) {
    throw new Error(
      `servingMock.scenario: there is no scenario named '${String(nameOrState)}'. Known scenarios: ${SCENARIO_NAMES.join(', ')}.`,
    )
  }
  return { state: SCENARIOS[nameOrState](Date.now()), clock_offset_ms: 0 }
}

function servingMock(page: Page, transport: Transport): ServingMock {
  let preloadedControls: MockControls = {}
  return {
    async controls(partial) {
      const early = transport.preload?.()
      if (early) {
        preloadedControls = { ...preloadedControls, ...partial }
        await early.write(CONTROLS_KEY, JSON.stringify(preloadedControls))
        return preloadedControls
      }
      const current = check(await transport.call('GET', '/__mock/controls'), 'controls') as MockControls
      return check(await transport.call('PUT', '/__mock/controls', { ...current, ...partial }), 'controls') as MockControls
    },
    async scenario(nameOrState) {
      const early = transport.preload?.()
      if (early) {
        const { state, clock_offset_ms: offset = 0 } = stateFor(nameOrState)
        try {
          checkState(structuredClone(state), 'servingMock.scenario')
        } catch (error) {
          if (error instanceof DamagedStateError) {
            throw new Error(`servingMock.scenario: not a mock state: ${error.problem}.`, { cause: error })
          }
          throw error
        }
        await early.write(STATE_KEY, JSON.stringify(state))
        await early.write(CLOCK_KEY, offset === 0 ? null : String(offset))
        return
      }
      if (typeof nameOrState === 'string') {
        check(await transport.call('POST', `/__mock/scenario/${encodeURIComponent(nameOrState)}`), 'scenario')
      } else check(await transport.call('PUT', '/__mock/state', nameOrState), 'scenario')
    },
    async state() {
      if (transport.preload?.()) throw new Error('servingMock.state: load a page first; the in-browser mock starts with it.')
      return check(await transport.call('GET', '/__mock/state'), 'state') as MockState
    },
    async requests(filter = {}) {
      if (transport.preload?.()) return []
      const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined))
      const path = `/__mock/requests${query.size > 0 ? `?${query}` : ''}`
      return (check(await transport.call('GET', path), 'requests') as { requests: JournalEntry[] }).requests
    },
    async reset() {
      const early = transport.preload?.()
      if (early) {
        await early.write(STATE_KEY, null)
        await early.write(CLOCK_KEY, null)
        return
      }
      check(await transport.call('POST', '/__mock/reset'), 'reset')
      check(await transport.call('DELETE', '/__mock/requests'), 'reset')
    },
    async advance(ms) {
      await page.clock.fastForward(ms)
      if (!transport.pageClock) check(await transport.call('POST', '/__mock/clock', { advanceMs: ms }), 'advance')
    },
  }
}

export const test = base.extend<{ servingMockMode: ServingMockMode; servingMock: ServingMock }>({
  servingMockMode: ['worker', { option: true }],
  // Playwright's routes see no request a service worker answers: route mode blocks the worker.
  serviceWorkers: async ({ servingMockMode }, provide) => provide(servingMockMode === 'route' ? 'block' : 'allow'),
  servingMock: async ({ page, servingMockMode }, provide) => {
    // Time flows as usual until advance() moves it.
    await page.clock.install()
    const transport = servingMockMode === 'route' ? await routeTransport(page) : workerTransport(page)
    const mock = servingMock(page, transport)
    await mock.controls({ latencyMs: 0 })
    await provide(mock)
  },
})

export { expect }
