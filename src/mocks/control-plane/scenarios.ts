// Named scenarios a test suite loads in one call (POST /__mock/scenario/{name}, X-Mock-Scenario): each
// is a seed function of the mock clock's now, so it is small in the repo and its times are current.
import { settle } from './lifecycle'
import type { StoredEndpoint, StoredState } from './model'
import { SYSTEM_MODELS, seedState, syntheticEndpoint, systemEndpoint } from './seed'

const SECOND = 1000
const MINUTE = 60 * SECOND

/** The rollouts `busy` and `failing` leave in flight finish this far apart, the first this long from now. */
export const IN_FLIGHT_STEP_MS = 30 * SECOND

/** A settled customer endpoint named `name`, built like the extraEndpoints ones. */
function customerEndpoint(index: number, name: string, now: number): StoredEndpoint {
  const endpoint = syntheticEndpoint(index, now)
  endpoint.name = name
  endpoint.id = `${endpoint.id.slice(0, 8)}${(index + 0x100).toString(16).padStart(4, '0')}`
  return endpoint
}

/** Starts a rollout of the endpoint's config (or, with no config, its creation) due `finishesIn` from now. */
function inFlight(
  endpoint: StoredEndpoint,
  now: number,
  finishesIn: number,
  { creating = false, fails = false } = {},
): StoredEndpoint {
  const base = structuredClone(endpoint.config)
  if (!base) throw new Error('a customer endpoint always has a config')
  const version = creating ? 1 : base.config_version + 1
  endpoint.pending = {
    config: { config_version: version, served_entities: base.served_entities, traffic_config: base.traffic_config },
    start_time: now - MINUTE,
    finishes_at: now + finishesIn,
    fails,
  }
  if (creating) {
    endpoint.config = undefined
    endpoint.creation_timestamp = now - MINUTE
    endpoint.events = [{ timestamp: now - MINUTE, type: 'ENDPOINT_CREATED', message: `Endpoint created by ${endpoint.creator}.` }]
  } else {
    endpoint.events.push({
      timestamp: now - MINUTE,
      type: 'CONFIG_UPDATE_STARTED',
      message: `Config update to version ${version} started by ${endpoint.creator}.`,
    })
  }
  endpoint.last_updated_timestamp = now - MINUTE
  return endpoint
}

function withEndpoints(state: StoredState, endpoints: StoredEndpoint[]): StoredState {
  state.endpoints.push(...endpoints)
  return state
}

const range = (count: number) => Array.from({ length: count }, (_, i) => i)
const two = (i: number) => String(i + 1).padStart(2, '0')

export const SCENARIOS = {
  /** No customer endpoint: only the pay-per-token ones every workspace has. */
  empty: (now: number): StoredState => ({
    version: 1,
    seeded_at: now,
    endpoints: SYSTEM_MODELS.map((m) => systemEndpoint(m, now)),
    deleted_synthetic: [],
  }),
  /** The demo workspace (what POST /__mock/reset restores). */
  seed: (now: number): StoredState => seedState(now),
  /** The seed plus 4 creations and 4 config updates in flight, finishing 30 s, 60 s, 90 s and 120 s from now. */
  busy: (now: number): StoredState =>
    withEndpoints(seedState(now), [
      ...range(4).map((i) =>
        inFlight(customerEndpoint(i + 1, `busy-creating-${two(i)}`, now), now, (i + 1) * IN_FLIGHT_STEP_MS, { creating: true }),
      ),
      ...range(4).map((i) =>
        inFlight(customerEndpoint(i + 11, `busy-updating-${two(i)}`, now), now, (i + 1) * IN_FLIGHT_STEP_MS),
      ),
    ]),
  /** The seed plus 2,000 settled customer endpoints (synthetic-endpoint-00001 …), stored, not synthetic. */
  large: (now: number): StoredState =>
    withEndpoints(
      seedState(now),
      range(2000).map((i) => syntheticEndpoint(i, now)),
    ),
  /**
   * The seed plus 3 endpoints whose last config update failed (the previous version keeps serving), 1
   * whose creation failed, and 1 update in flight that will fail 30 s from now.
   */
  failing: (now: number): StoredState => {
    const failed = [
      ...range(3).map((i) =>
        inFlight(customerEndpoint(i + 21, `failing-update-${two(i)}`, now), now, -10 * SECOND, { fails: true }),
      ),
      inFlight(customerEndpoint(24, 'failing-creation-01', now), now, -10 * SECOND, { creating: true, fails: true }),
    ]
    for (const endpoint of failed) settle(endpoint, now)
    return withEndpoints(seedState(now), [
      ...failed,
      inFlight(customerEndpoint(25, 'failing-in-flight-01', now), now, IN_FLIGHT_STEP_MS, { fails: true }),
    ])
  },
} satisfies Record<string, (now: number) => StoredState>

export type ScenarioName = keyof typeof SCENARIOS

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[]

export const isScenarioName = (name: string): name is ScenarioName => Object.hasOwn(SCENARIOS, name)
