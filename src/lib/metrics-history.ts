// The metrics-history route's answer (ours: Databricks' console reads one that is not public).

/** One series per metric over `timestamps`, for the served entities asked for (all, or one), summed or averaged. */
export interface MetricsHistory {
  start_timestamp: number
  end_timestamp: number
  /** The width of each point (server-side downsampling keeps ≤ 500 points). */
  step_seconds: number
  /** The one served entity asked for; absent: all of them. */
  served_entity_name?: string
  served_entities: { name: string; gpu: boolean }[]
  /** Each point's start (ms since the epoch). */
  timestamps: number[]
  request_count: number[]
  request_4xx_count: number[]
  request_5xx_count: number[]
  /** null where the point has no requests. */
  latency_p50_ms: (number | null)[]
  latency_p90_ms: (number | null)[]
  latency_p99_ms: (number | null)[]
  cpu_usage_percentage: number[]
  mem_usage_percentage: number[]
  provisioned_concurrency: number[]
  /** Only when a served entity asked for runs on GPUs. */
  gpu_usage_percentage?: number[]
  gpu_memory_usage_percentage?: number[]
}
