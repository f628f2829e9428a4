// GET …/metrics: the Databricks metrics export, in Prometheus text exposition format 0.0.4.
// Labels: served_entity_name on every sample, plus le on the latency histogram's buckets.
import { LATENCY_BUCKETS_MS } from './invocation-log'
import { currentGauges, entityTotals, profilesOfSource, type MetricsSource } from './metrics'

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')

/** A number as Prometheus writes it (no exponent for the sizes we have). */
const num = (value: number) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000))

interface Family {
  name: string
  type: 'counter' | 'gauge' | 'histogram'
  help: string
  samples: string[]
}

export function exposition(source: MetricsSource): string {
  const profiles = profilesOfSource(source)
  const family = (name: string, type: Family['type'], help: string): Family => ({ name, type, help, samples: [] })
  const requests = family('request_count_total', 'counter', 'Requests answered by the served entity.')
  const e4xx = family('request_4xx_count_total', 'counter', 'Requests answered with a 4xx status.')
  const e5xx = family('request_5xx_count_total', 'counter', 'Requests answered with a 5xx status.')
  const latency = family('request_latency_ms', 'histogram', 'Request latency in milliseconds, measured in the model server.')
  const cpu = family('cpu_usage_percentage', 'gauge', 'CPU usage over the last minute, averaged over replicas (percent).')
  const mem = family('mem_usage_percentage', 'gauge', 'Memory usage over the last minute, averaged over replicas (percent).')
  const concurrency = family(
    'provisioned_concurrent_requests_total',
    'gauge',
    'Provisioned concurrency: the requests the served entity can take at once.',
  )
  const gpu = family('gpu_usage_percentage', 'gauge', 'GPU usage over the last minute, averaged over GPUs (percent).')
  const gpuMem = family('gpu_memory_usage_percentage', 'gauge', 'GPU memory usage over the last minute (percent).')
  for (const profile of profiles) {
    const label = `served_entity_name="${escapeLabel(profile.entity)}"`
    const totals = entityTotals(source, profile)
    requests.samples.push(`request_count_total{${label}} ${totals.requests}`)
    e4xx.samples.push(`request_4xx_count_total{${label}} ${totals.e4xx}`)
    e5xx.samples.push(`request_5xx_count_total{${label}} ${totals.e5xx}`)
    let cumulative = 0
    LATENCY_BUCKETS_MS.forEach((le, i) => {
      cumulative += totals.buckets[i]
      latency.samples.push(`request_latency_ms_bucket{${label},le="${le}"} ${cumulative}`)
    })
    latency.samples.push(
      `request_latency_ms_bucket{${label},le="+Inf"} ${totals.requests}`,
      `request_latency_ms_sum{${label}} ${num(totals.latencySumMs)}`,
      `request_latency_ms_count{${label}} ${totals.requests}`,
    )
    const now = currentGauges(source, profile)
    cpu.samples.push(`cpu_usage_percentage{${label}} ${num(now.cpu)}`)
    mem.samples.push(`mem_usage_percentage{${label}} ${num(now.mem)}`)
    concurrency.samples.push(`provisioned_concurrent_requests_total{${label}} ${num(now.concurrency)}`)
    if (profile.gpu) {
      gpu.samples.push(`gpu_usage_percentage{${label}} ${num(now.gpu)}`)
      gpuMem.samples.push(`gpu_memory_usage_percentage{${label}} ${num(now.gpuMem)}`)
    }
  }
  return [requests, e4xx, e5xx, latency, cpu, mem, concurrency, gpu, gpuMem]
    .filter((f) => f.samples.length > 0)
    .map((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.samples].join('\n'))
    .join('\n')
    .concat(profiles.length > 0 ? '\n' : '')
}
