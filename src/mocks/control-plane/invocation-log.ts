// Every invocation the mock answers (or faults), for the metrics: a bounded ring of recent ones for
// the history, and running totals per served entity for the exported counters.
import type { ServingEndpointDetailed } from '../../api/types'

export interface Invocation {
  /** Mock clock time. */
  at: number
  endpoint: string
  /** The endpoint's creation time: a later endpoint of the same name does not inherit the counts. */
  created: number
  entity: string
  status: number
  latencyMs: number
  tokens: number
}

/** Upper bounds of the latency histogram's buckets (ms); +Inf is implied. */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const

export interface Totals {
  requests: number
  e4xx: number
  e5xx: number
  latencySumMs: number
  /** Requests per histogram bucket (not cumulative); the last one is over the largest bound. */
  buckets: number[]
}

export const emptyTotals = (): Totals => ({
  requests: 0,
  e4xx: 0,
  e5xx: 0,
  latencySumMs: 0,
  buckets: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
})

export function bucketOf(latencyMs: number): number {
  const index = LATENCY_BUCKETS_MS.findIndex((le) => latencyMs <= le)
  return index < 0 ? LATENCY_BUCKETS_MS.length : index
}

const totalsKey = (endpoint: string, created: number, entity: string) => `${endpoint}\u0000${created}\u0000${entity}`

export class InvocationLog {
  /** Recent invocations kept for the charts; older ones live on only in the totals. */
  static readonly CAPACITY = 10_000
  /** Served entities with running totals; the oldest is forgotten past this. */
  static readonly MAX_TOTALS = 10_000
  private ring: Invocation[] = []
  private next = 0
  private seen = 0
  private readonly totals = new Map<string, Totals>()

  /** How many invocations were recorded since the last clear (drives the traffic split's pick). */
  get count(): number {
    return this.seen
  }

  record(invocation: Invocation): void {
    this.seen++
    if (this.ring.length < InvocationLog.CAPACITY) this.ring.push(invocation)
    else this.ring[this.next] = invocation
    this.next = (this.next + 1) % InvocationLog.CAPACITY
    const key = totalsKey(invocation.endpoint, invocation.created, invocation.entity)
    let totals = this.totals.get(key)
    if (!totals) {
      if (this.totals.size >= InvocationLog.MAX_TOTALS) this.totals.delete(this.totals.keys().next().value as string)
      totals = emptyTotals()
      this.totals.set(key, totals)
    }
    totals.requests++
    if (invocation.status >= 400 && invocation.status < 500) totals.e4xx++
    if (invocation.status >= 500) totals.e5xx++
    totals.latencySumMs += invocation.latencyMs
    totals.buckets[bucketOf(invocation.latencyMs)]++
  }

  /** The recorded invocations of this endpoint in [from, to). */
  of(endpoint: ServingEndpointDetailed, from: number, to: number): Invocation[] {
    return this.ring.filter(
      (i) => i.endpoint === endpoint.name && i.created === endpoint.creation_timestamp && i.at >= from && i.at < to,
    )
  }

  totalsOf(endpoint: ServingEndpointDetailed, entity: string): Totals | undefined {
    return this.totals.get(totalsKey(endpoint.name, endpoint.creation_timestamp, entity))
  }

  clear(): void {
    this.ring = []
    this.next = 0
    this.seen = 0
    this.totals.clear()
  }
}
