// The table alternative to a chart: every point with its time and exact values.
import { formatTime, formatValue, type ChartSpec } from './charts'
import styles from './metrics.module.css'

export function ChartTable({ spec, timestamps }: { spec: ChartSpec; timestamps: number[] }) {
  return (
    <div className={styles.tableBox}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {spec.series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {timestamps.map((t, i) => (
            <tr key={t}>
              <th scope="row">{formatTime(t)}</th>
              {spec.series.map((s) => (
                <td key={s.label}>{formatValue(s.values[i], spec)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
