// What the Metrics tab draws: one chart per metric, each with its series, from a history answer.
import type { MetricsHistory } from '../../../lib/metrics-history'

export interface ChartSeries {
  label: string
  values: (number | null)[]
}

export interface ChartSpec {
  id: string
  title: string
  /** The unit after a value: "req/s", "ms", "%" or "" (a count). */
  unit: string
  /** Decimals shown in the legend and the table. */
  digits: number
  series: ChartSeries[]
}

/** The time ranges offered; `key` is their value in the URL (`?metrics_range=7d`). */
export const TIME_RANGES = [
  { key: '1h', label: 'Last hour', ms: 3_600_000 },
  { key: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { key: '24h', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { key: '7d', label: 'Last 7 days', ms: 7 * 24 * 3_600_000 },
] as const

const perSecond = (counts: number[], stepSeconds: number) => counts.map((c) => c / stepSeconds)

export function chartsOf(history: MetricsHistory): ChartSpec[] {
  const step = history.step_seconds
  const charts: ChartSpec[] = [
    {
      id: 'requests',
      title: 'Request rate',
      unit: 'req/s',
      digits: 3,
      series: [{ label: 'Requests', values: perSecond(history.request_count, step) }],
    },
    {
      id: 'latency',
      title: 'Latency',
      unit: 'ms',
      digits: 1,
      series: [
        { label: 'p50', values: history.latency_p50_ms },
        { label: 'p90', values: history.latency_p90_ms },
        { label: 'p99', values: history.latency_p99_ms },
      ],
    },
    {
      id: 'errors',
      title: 'Errors',
      unit: 'req/s',
      digits: 3,
      series: [
        { label: '4xx', values: perSecond(history.request_4xx_count, step) },
        { label: '5xx', values: perSecond(history.request_5xx_count, step) },
      ],
    },
    { id: 'cpu', title: 'CPU usage', unit: '%', digits: 1, series: [{ label: 'CPU', values: history.cpu_usage_percentage }] },
    {
      id: 'memory',
      title: 'Memory usage',
      unit: '%',
      digits: 1,
      series: [{ label: 'Memory', values: history.mem_usage_percentage }],
    },
    {
      id: 'concurrency',
      title: 'Provisioned concurrency',
      unit: '',
      digits: 1,
      series: [{ label: 'Concurrency', values: history.provisioned_concurrency }],
    },
  ]
  if (history.gpu_usage_percentage && history.gpu_memory_usage_percentage) {
    charts.push({
      id: 'gpu',
      title: 'GPU usage',
      unit: '%',
      digits: 1,
      series: [
        { label: 'GPU', values: history.gpu_usage_percentage },
        { label: 'GPU memory', values: history.gpu_memory_usage_percentage },
      ],
    })
  }
  return charts
}

export function formatValue(value: number | null | undefined, spec: Pick<ChartSpec, 'unit' | 'digits'>): string {
  if (value === null || value === undefined) return '–'
  const text = value.toLocaleString('en-US', { maximumFractionDigits: spec.digits })
  return spec.unit === '' ? text : spec.unit === '%' ? `${text}%` : `${text} ${spec.unit}`
}

const timeFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

export const formatTime = (ms: number) => timeFormat.format(ms)

/** "No requests in this period" when nothing was answered in the whole range. */
export const hasRequests = (history: MetricsHistory) => history.request_count.some((c) => c > 0)
