// Background traffic for the metrics: a pure function of (served entity, minute) from a seeded hash,
// so seven days of history cost nothing to store and continue as the mock clock moves.
import type { ServedEntityOutput, ServingEndpointDetailed } from '../../api/types'
import { hash } from './seed'

export const MINUTE = 60_000
const MINUTES_PER_DAY = 1440

/** What drives one served entity's traffic: fixed for a given endpoint, config and traffic control. */
export interface EntityProfile {
  endpoint: string
  entity: string
  /** No traffic before this time (the entity's creation). */
  since: number
  /** Requests per minute to this entity, on average over a day (0: none). */
  rpm: number
  /** Median latency at no load. */
  latencyMs: number
  gpu: boolean
  /** External models run no container: no CPU, memory or concurrency of ours. */
  external: boolean
  scaleToZero: boolean
  /** The workload size's provisioned concurrency: [min when not scaled to zero, max]. */
  concurrency: readonly [number, number]
  seed: number
}

/** One minute of one entity: requests, errors, the latency distribution (log-normal) and the gauges. */
export interface MinuteStats {
  requests: number
  e4xx: number
  e5xx: number
  /** Median latency (ms); the distribution is log-normal with LATENCY_SIGMA. */
  latencyMs: number
  cpu: number
  mem: number
  concurrency: number
  gpu: number
  gpuMem: number
  /** 1 at four times the average rate. */
  load: number
}

export const LATENCY_SIGMA = 0.45

/** splitmix-style 32-bit mixing: the same inputs give the same bits, in every JavaScript engine. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d)
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b)
  return (x ^ (x >>> 16)) >>> 0
}

/** A number in [0, 1) from a seed and two integers. */
export function unit(seed: number, a: number, b = 0): number {
  return mix(seed ^ mix((a | 0) ^ mix(b + 0x9e3779b9))) / 2 ** 32
}

const CONCURRENCY: Record<string, readonly [number, number]> = {
  Small: [4, 4],
  Medium: [8, 16],
  Large: [16, 64],
}

const isGpu = (entity: ServedEntityOutput) =>
  entity.workload_type?.includes('GPU') === true || entity.provisioned_model_units !== undefined

function baseLatency(endpoint: ServingEndpointDetailed, entity: ServedEntityOutput, seed: number): number {
  const task = endpoint.task ?? entity.external_model?.task
  const jitter = 0.8 + 0.4 * unit(seed, 7)
  if (task === 'llm/v1/embeddings') return Math.round(90 * jitter)
  if (task === 'llm/v1/chat' || task === 'llm/v1/completions') return Math.round((entity.external_model ? 650 : 380) * jitter)
  return Math.round((20 + (seed % 40)) * jitter)
}

/**
 * The served entities of an endpoint and their traffic. `rpm` is the endpoint's requests per minute
 * (the `traffic` control, or the seeded default), split as its traffic config routes it.
 */
export function profilesOf(endpoint: ServingEndpointDetailed, rpm: number): EntityProfile[] {
  const config = endpoint.config
  if (!config) return []
  const routes = config.traffic_config?.routes ?? []
  return config.served_entities.map((entity) => {
    const seed = hash(`${endpoint.name}/${entity.name}`) >>> 0
    const share =
      routes.length === 0
        ? 1 / config.served_entities.length
        : (routes.find((r) => r.served_entity_name === entity.name)?.traffic_percentage ?? 0) / 100
    const size = CONCURRENCY[entity.workload_size ?? 'Small'] ?? CONCURRENCY.Small
    const scaleToZero = entity.scale_to_zero_enabled === true
    return {
      endpoint: endpoint.name,
      entity: entity.name,
      since: entity.creation_timestamp,
      rpm: rpm * share,
      latencyMs: baseLatency(endpoint, entity, seed),
      gpu: isGpu(entity),
      external: entity.external_model !== undefined,
      scaleToZero,
      concurrency: [scaleToZero ? 0 : size[0], size[1]],
      seed,
    }
  })
}

/** The seeded endpoints' default: 6 to 60 requests per minute, from the name. */
export function defaultRpm(name: string): number {
  return 6 + ((hash(name) >>> 0) % 55)
}

/** Traffic over a day (mean 1): quiet at 03:00 UTC, busiest at 15:00; weekends at 70 %. */
function dailyFactor(minute: number): number {
  const ofDay = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY
  const day = Math.floor(minute / MINUTES_PER_DAY)
  // 1970-01-01 was a Thursday: day 2 and 3 of each week are Saturday and Sunday.
  const weekend = ((day % 7) + 7) % 7 === 2 || ((day % 7) + 7) % 7 === 3
  const wave = 0.4 + 1.2 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (ofDay / 60 - 3)) / 24))
  return weekend ? wave * 0.7 : wave
}

/** A burst: about one hour in twenty has 5 to 20 minutes at 2.5 to 4 times the traffic. */
function burstFactor(seed: number, minute: number): number {
  const hour = Math.floor(minute / 60)
  if (unit(seed, hour, 1) >= 0.05) return 1
  const start = Math.floor(unit(seed, hour, 2) * 40)
  const length = 5 + Math.floor(unit(seed, hour, 3) * 16)
  const at = minute - hour * 60
  return at >= start && at < start + length ? 2.5 + 1.5 * unit(seed, hour, 4) : 1
}

/** A count with mean `expected` (uniform noise with the variance of a Poisson count). */
function countOf(expected: number, u: number): number {
  if (expected <= 0) return 0
  if (expected < 1) return u < expected ? 1 : 0
  return Math.max(0, Math.round(expected + (2 * u - 1) * Math.sqrt(3 * expected)))
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** One minute (index = floor(time / MINUTE)) of background traffic to one served entity. */
export function backgroundMinute(profile: EntityProfile, minute: number): MinuteStats {
  const { seed } = profile
  const busy = profile.rpm > 0 && minute * MINUTE >= profile.since
  const expected = busy ? profile.rpm * dailyFactor(minute) * burstFactor(seed, minute) : 0
  const requests = countOf(expected, unit(seed, minute, 10))
  // Load: 1 at four times the average rate.
  const load = profile.rpm > 0 ? Math.min(1, expected / (4 * profile.rpm)) : 0
  const e5xx = countOf(requests * (0.002 + 0.04 * Math.max(0, load - 0.6)), unit(seed, minute, 11))
  const e4xx = Math.min(requests - e5xx, countOf(requests * 0.01, unit(seed, minute, 12)))
  const latencyMs = round1(profile.latencyMs * (1 + 1.5 * load * load) * (0.92 + 0.16 * unit(seed, minute, 13)))
  return { requests, e4xx, e5xx, latencyMs, load, ...gauges(profile, requests, load, unit(seed, minute, 14)) }
}

/** CPU, memory, provisioned concurrency and GPU for a minute with `requests` requests at `load`. */
export function gauges(
  profile: EntityProfile,
  requests: number,
  load: number,
  u: number,
): Pick<MinuteStats, 'cpu' | 'mem' | 'concurrency' | 'gpu' | 'gpuMem'> {
  const idle = requests === 0
  if (profile.external || (idle && profile.scaleToZero)) return { cpu: 0, mem: 0, concurrency: 0, gpu: 0, gpuMem: 0 }
  const [min, max] = profile.concurrency
  const concurrency = idle ? min : Math.max(Math.max(min, 4), Math.min(max, Math.ceil((max * load) / 4) * 4))
  return {
    cpu: round1(Math.min(98, 2 + 70 * load * (0.85 + 0.3 * u) + (idle ? 0 : 3))),
    mem: round1(30 + 25 * load + 4 * u),
    concurrency,
    gpu: profile.gpu ? round1(Math.min(99, (idle ? 0 : 8) + 80 * load * (0.85 + 0.3 * u))) : 0,
    gpuMem: profile.gpu ? round1(62 + 20 * load + 3 * u) : 0,
  }
}
