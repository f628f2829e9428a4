// Types for parse-prometheus-text-format (it ships none): prom2json's output shape.
declare module 'parse-prometheus-text-format' {
  interface Sample {
    value: string
    labels?: Record<string, string>
  }
  interface HistogramSample {
    labels?: Record<string, string>
    buckets: Record<string, string>
    count: string
    sum: string
  }
  export interface MetricFamily {
    name: string
    help: string
    type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED'
    metrics: (Sample | HistogramSample)[]
  }
  export default function parsePrometheusTextFormat(text: string): MetricFamily[]
}
