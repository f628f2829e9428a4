// An endpoint's metrics: background traffic (traffic.ts) plus the invocations the mock answered
// (invocation-log.ts), as a downsampled history for the charts (ours) and as running totals.
import type { MetricsHistory } from '../../lib/metrics-history'
import type { QueryResponse, ServingEndpointDetailed } from '../../api/types'
import { ControlPlaneError, invalid } from './errors'
import { LATENCY_BUCKETS_MS, emptyTotals, type Invocation, type InvocationLog, type Totals } from './invocation-log'
import { hash } from './seed'
import {
  LATENCY_SIGMA,
  MINUTE,
  backgroundMinute,
  defaultRpm,
  gauges,
  profilesOf,
  unit,
  type EntityProfile,
  type MinuteStats,
} from './traffic'

const DAY = 1440 * MINUTE
/** How far back the seeded history goes: counters count from there. */
export const HISTORY_DAYS = 7
/** The longest range the history route answers. */
export const MAX_RANGE_MS = 31 * DAY
export const MAX_POINTS = 500
const STEPS_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440]

/** What the metrics of one endpoint are made of, at `now`. */
export interface MetricsSource {
  endpoint: ServingEndpointDetailed
  /** When the demo data was seeded: endpoints from before have background traffic by default. */
  seededAt: number
  /** The `traffic` control for this endpoint, if set. */
  traffic: 'off' | number | undefined
  log: InvocationLog
  now: number
}

function rpmOf({ endpoint, seededAt, traffic }: MetricsSource): number {
  if (endpoint.state.ready !== 'READY') return 0
  if (traffic === 'off') return 0
  if (typeof traffic === 'number') return traffic
  return endpoint.creation_timestamp < seededAt ? defaultRpm(endpoint.name) : 0
}

export const profilesOfSource = (source: MetricsSource): EntityProfile[] => profilesOf(source.endpoint, rpmOf(source))

// ---- recording ----

/** The served entity an invocation goes to: `pick` in [0, 1) walks the traffic split's percentages. */
export function servedEntityFor(endpoint: ServingEndpointDetailed, pick: number): string | undefined {
  const config = endpoint.config
  if (!config) return undefined
  let left = pick * 100
  for (const route of config.traffic_config.routes) {
    if (route.traffic_percentage <= 0) continue
    if (left < route.traffic_percentage) return route.served_entity_name
    left -= route.traffic_percentage
  }
  return config.served_entities[0]?.name
}

/**
 * Runs an invocation and records it when the endpoint is ready: the answer's status, a modelled
 * latency and its tokens. Invocations spread over the traffic split in a fixed low-discrepancy order.
 */
export function recordInvocation(
  log: InvocationLog,
  endpoint: ServingEndpointDetailed,
  body: unknown,
  now: number,
  run: (served: string | undefined) => { response: QueryResponse; servedEntity: string },
): { response: QueryResponse; servedEntity: string } {
  const served = servedEntityFor(endpoint, (log.count * 0.6180339887498949) % 1)
  const record = endpoint.state.ready === 'READY' && served !== undefined
  try {
    const result = run(served)
    if (record) log.record(invocationOf(endpoint, served, now, 200, body, tokensOf(result.response), log.count))
    return result
  } catch (error) {
    if (record && error instanceof ControlPlaneError)
      log.record(invocationOf(endpoint, served, now, error.status, body, 0, log.count))
    throw error
  }
}

/** A fault injected on an invocation path (mock control `faults`) counts as that error; a dropped connection as a 502. */
export function recordFault(
  log: InvocationLog,
  endpoint: ServingEndpointDetailed,
  status: number | undefined,
  now: number,
): void {
  const served = servedEntityFor(endpoint, (log.count * 0.6180339887498949) % 1)
  if (endpoint.state.ready !== 'READY' || served === undefined) return
  log.record(invocationOf(endpoint, served, now, status ?? 502, undefined, 0, log.count))
}

function invocationOf(
  endpoint: ServingEndpointDetailed,
  entity: string,
  at: number,
  status: number,
  body: unknown,
  tokens: number,
  index: number,
): Invocation {
  const profile = profilesOf(endpoint, 0).find((p) => p.entity === entity)
  const base = profile?.latencyMs ?? 50
  const u = unit(hash(JSON.stringify(body ?? null)) >>> 0, index)
  // A refused request is answered in a quarter of the time; every completion token adds 4 ms.
  const latencyMs = round1((base * (0.85 + 0.3 * u) + 4 * tokens) / (status >= 400 ? 4 : 1))
  return { at, endpoint: endpoint.name, created: endpoint.creation_timestamp, entity, status, latencyMs, tokens }
}

// ---- history ----

function timestampParam(params: URLSearchParams, key: string, fallback: number): number {
  const text = params.get(key)
  if (text === null || text === '') return fallback
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw invalid(key, `'${key}' must be a time in milliseconds since the epoch (a whole number); got '${text.slice(0, 40)}'.`)
  }
  return value
}

/** The z-scores of p50, p90 and p99 of a normal distribution. */
const Z = [0, 1.2815515655446004, 2.3263478740408408] as const

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

const round1 = (x: number) => Math.round(x * 10) / 10

export function stepFor(rangeMs: number): number {
  const minutes = STEPS_MINUTES.find((m) => Math.ceil(rangeMs / (m * MINUTE)) + 2 <= MAX_POINTS)
  return (minutes ?? STEPS_MINUTES[STEPS_MINUTES.length - 1]) * MINUTE
}

/**
 * GET …/metrics-history: each point sums (requests, errors) or averages (latency weighted by
 * requests, gauges over its minutes) the minutes it covers; a minute's background counts from its start.
 */
export function metricsHistory(source: MetricsSource, params: URLSearchParams): MetricsHistory {
  const { endpoint, now } = source
  const end = timestampParam(params, 'end_timestamp', now)
  const start = timestampParam(params, 'start_timestamp', end - 60 * MINUTE)
  if (end <= start) throw invalid('end_timestamp', "'end_timestamp' must be later than 'start_timestamp'.")
  if (end - start > MAX_RANGE_MS) {
    throw invalid('start_timestamp', `The range from 'start_timestamp' to 'end_timestamp' must be at most 31 days.`)
  }
  const entities = endpoint.config?.served_entities ?? []
  const served = params.get('served_entity_name') ?? undefined
  if (served !== undefined && !entities.some((e) => e.name === served)) {
    throw invalid(
      'served_entity_name',
      `'served_entity_name' must name a served entity of endpoint '${endpoint.name}'; it has ${entities.map((e) => `'${e.name}'`).join(', ') || 'none'}.`,
    )
  }
  const all = profilesOfSource(source)
  const profiles = served === undefined ? all : all.filter((p) => p.entity === served)
  const gpu = profiles.some((p) => p.gpu)
  const step = stepFor(end - start)
  // Points end with the range (up to now, the end of the minute now is in) and step back from there,
  // so that every point covers whole minutes and an invocation shows at once.
  const stop = end >= now ? (Math.floor(now / MINUTE) + 1) * MINUTE : Math.ceil(end / MINUTE) * MINUTE
  const first = stop - Math.ceil((stop - start) / step) * step
  const recorded = source.log.of(endpoint, first, stop).filter((i) => served === undefined || i.entity === served)
  const history: MetricsHistory = {
    start_timestamp: start,
    end_timestamp: end,
    step_seconds: step / 1000,
    served_entities: all.map((p) => ({ name: p.entity, gpu: p.gpu })),
    timestamps: [],
    request_count: [],
    request_4xx_count: [],
    request_5xx_count: [],
    latency_p50_ms: [],
    latency_p90_ms: [],
    latency_p99_ms: [],
    cpu_usage_percentage: [],
    mem_usage_percentage: [],
    provisioned_concurrency: [],
  }
  if (served !== undefined) history.served_entity_name = served
  if (gpu) {
    history.gpu_usage_percentage = []
    history.gpu_memory_usage_percentage = []
  }
  for (let t = first; t < stop; t += step) {
    const point = pointOf(profiles, recorded, t, t + step, now)
    history.timestamps.push(t)
    history.request_count.push(point.requests)
    history.request_4xx_count.push(point.e4xx)
    history.request_5xx_count.push(point.e5xx)
    history.latency_p50_ms.push(point.latency[0])
    history.latency_p90_ms.push(point.latency[1])
    history.latency_p99_ms.push(point.latency[2])
    history.cpu_usage_percentage.push(point.cpu)
    history.mem_usage_percentage.push(point.mem)
    history.provisioned_concurrency.push(point.concurrency)
    history.gpu_usage_percentage?.push(point.gpu)
    history.gpu_memory_usage_percentage?.push(point.gpuMem)
  }
  return history
}

/** One minute of one entity with the recorded invocations in it. */
export function minuteWith(profile: EntityProfile, minute: number, recorded: readonly Invocation[]): MinuteStats {
  const bg = backgroundMinute(profile, minute)
  if (recorded.length === 0) return bg
  const requests = bg.requests + recorded.length
  const e4xx = bg.e4xx + recorded.filter((i) => i.status >= 400 && i.status < 500).length
  const e5xx = bg.e5xx + recorded.filter((i) => i.status >= 500).length
  const load = Math.max(bg.load, 0.05)
  return { ...bg, requests, e4xx, e5xx, load, ...gauges(profile, requests, load, unit(profile.seed, minute, 14)) }
}

interface Point {
  requests: number
  e4xx: number
  e5xx: number
  latency: [number | null, number | null, number | null]
  cpu: number
  mem: number
  concurrency: number
  gpu: number
  gpuMem: number
}

function pointOf(
  profiles: readonly EntityProfile[],
  recorded: readonly Invocation[],
  from: number,
  to: number,
  now: number,
): Point {
  const point: Point = {
    requests: 0,
    e4xx: 0,
    e5xx: 0,
    latency: [null, null, null],
    cpu: 0,
    mem: 0,
    concurrency: 0,
    gpu: 0,
    gpuMem: 0,
  }
  const inPoint = recorded.filter((i) => i.at >= from && i.at < to)
  const weighted = [0, 0, 0]
  let bgRequests = 0
  let hosted = 0
  let gpus = 0
  for (const profile of profiles) {
    const mine = inPoint.filter((i) => i.entity === profile.entity)
    const sums = { cpu: 0, mem: 0, concurrency: 0, gpu: 0, gpuMem: 0 }
    let minutes = 0
    for (let m = Math.floor(from / MINUTE); m * MINUTE < to && m * MINUTE <= now; m++) {
      const inMinute = mine.filter((i) => Math.floor(i.at / MINUTE) === m)
      const stats = minuteWith(profile, m, inMinute)
      bgRequests += stats.requests - inMinute.length
      point.e4xx += stats.e4xx
      point.e5xx += stats.e5xx
      Z.forEach((z, q) => (weighted[q] += (stats.requests - inMinute.length) * stats.latencyMs * Math.exp(z * LATENCY_SIGMA)))
      sums.cpu += stats.cpu
      sums.mem += stats.mem
      sums.concurrency += stats.concurrency
      sums.gpu += stats.gpu
      sums.gpuMem += stats.gpuMem
      minutes++
    }
    if (minutes > 0 && !profile.external) {
      point.cpu += sums.cpu / minutes
      point.mem += sums.mem / minutes
      hosted++
    }
    if (minutes > 0) point.concurrency += sums.concurrency / minutes
    if (minutes > 0 && profile.gpu) {
      point.gpu += sums.gpu / minutes
      point.gpuMem += sums.gpuMem / minutes
      gpus++
    }
  }
  point.requests = bgRequests + inPoint.length
  if (point.requests > 0) {
    const latencies = inPoint.map((i) => i.latencyMs).sort((a, b) => a - b)
    point.latency = [0.5, 0.9, 0.99].map((q, index) => {
      const exact = latencies.length > 0 ? latencies.length * percentile(latencies, q) : 0
      return round1((weighted[index] + exact) / point.requests)
    }) as Point['latency']
  }
  point.cpu = hosted > 0 ? round1(point.cpu / hosted) : 0
  point.mem = hosted > 0 ? round1(point.mem / hosted) : 0
  point.concurrency = round1(point.concurrency)
  point.gpu = gpus > 0 ? round1(point.gpu / gpus) : 0
  point.gpuMem = gpus > 0 ? round1(point.gpuMem / gpus) : 0
  return point
}

// ---- running totals (the exported counters) ----

/** Φ, the standard normal CDF (Abramowitz and Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2)
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-(x * x) / 2)
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

/** Adds a minute of background requests, spread over the histogram by their log-normal latency. */
export function addMinute(totals: Totals, stats: MinuteStats): void {
  const n = stats.requests
  if (n === 0) return
  totals.requests += n
  totals.e4xx += stats.e4xx
  totals.e5xx += stats.e5xx
  totals.latencySumMs += n * stats.latencyMs * Math.exp((LATENCY_SIGMA * LATENCY_SIGMA) / 2)
  let below = 0
  LATENCY_BUCKETS_MS.forEach((le, i) => {
    const cumulative = Math.round(n * normalCdf((Math.log(le) - Math.log(stats.latencyMs)) / LATENCY_SIGMA))
    totals.buckets[i] += cumulative - below
    below = cumulative
  })
  totals.buckets[LATENCY_BUCKETS_MS.length] += n - below
}

function addTotals(into: Totals, from: Totals): void {
  into.requests += from.requests
  into.e4xx += from.e4xx
  into.e5xx += from.e5xx
  into.latencySumMs += from.latencySumMs
  from.buckets.forEach((count, i) => (into.buckets[i] += count))
}

/** Whole days of background totals, kept: they never change for a given profile. */
const dayCache = new Map<string, Totals>()
const DAY_CACHE_SIZE = 4_000

function dayTotals(profile: EntityProfile, day: number): Totals {
  const key = `${profile.seed}:${profile.rpm}:${profile.since}:${profile.latencyMs}:${day}`
  const cached = dayCache.get(key)
  if (cached) return cached
  const totals = emptyTotals()
  for (let m = day * 1440; m < (day + 1) * 1440; m++) addMinute(totals, backgroundMinute(profile, m))
  if (dayCache.size >= DAY_CACHE_SIZE) dayCache.delete(dayCache.keys().next().value as string)
  dayCache.set(key, totals)
  return totals
}

/** Background totals of the minutes in [fromMinute, toMinute). */
function backgroundTotals(profile: EntityProfile, fromMinute: number, toMinute: number): Totals {
  const totals = emptyTotals()
  let m = fromMinute
  while (m < toMinute) {
    if (m % 1440 === 0 && m + 1440 <= toMinute) {
      addTotals(totals, dayTotals(profile, m / 1440))
      m += 1440
    } else {
      addMinute(totals, backgroundMinute(profile, m))
      m++
    }
  }
  return totals
}

/** Everything one served entity answered: background since the history's start, plus what was recorded. */
export function entityTotals(source: MetricsSource, profile: EntityProfile): Totals {
  const from = Math.ceil(Math.max(profile.since, source.seededAt - HISTORY_DAYS * DAY) / MINUTE)
  const totals = backgroundTotals(profile, from, Math.floor(source.now / MINUTE) + 1)
  const recorded = source.log.totalsOf(source.endpoint, profile.entity)
  if (recorded) addTotals(totals, recorded)
  return totals
}

/** The gauges now: the last complete minute, with the invocations of the last minute. */
export function currentGauges(source: MetricsSource, profile: EntityProfile): MinuteStats {
  const minute = Math.floor(source.now / MINUTE) - 1
  const recent = source.log.of(source.endpoint, source.now - MINUTE, source.now + 1).filter((i) => i.entity === profile.entity)
  return minuteWith(profile, minute, recent)
}

const tokensOf = (response: QueryResponse) => ('usage' in response ? response.usage.total_tokens : 0)
