// One uPlot chart: drawn into its figure on mount, redrawn on new data, resized with its box.
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { formatTime, formatValue, type ChartSpec } from './charts'
import styles from './metrics.module.css'

const HEIGHT = 160

/** Reads the chart colours from CSS custom properties, so light and dark mode each get theirs. */
function colors(el: HTMLElement) {
  const style = getComputedStyle(el)
  const get = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback
  return {
    axis: get('--chart-axis', '#526270'),
    grid: get('--chart-grid', '#d1d9e1'),
    series: [get('--chart-1', '#2272b4'), get('--chart-2', '#c8741a'), get('--chart-3', '#8a3ab9')],
  }
}

function options(spec: ChartSpec, width: number, el: HTMLElement, onDrawn: () => void): uPlot.Options {
  const c = colors(el)
  const axis = { stroke: c.axis, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } }
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
    series: [
      { label: 'Time', value: (_u, v) => (v === null ? '–' : formatTime(v * 1000)) },
      ...spec.series.map((s, i) => ({
        label: s.label,
        stroke: c.series[i % c.series.length],
        width: 1.5,
        value: (_u: uPlot, v: number | null) => formatValue(v, spec),
      })),
    ],
    axes: [
      axis,
      // The unit is in the chart's title: ticks stay short enough for the axis.
      { ...axis, size: 50, values: (_u, ticks) => ticks.map((t) => formatValue(t, { unit: '', digits: 3 })) },
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    hooks: { draw: [onDrawn] },
  }
}

export function TimeSeriesChart({ spec, timestamps }: { spec: ChartSpec; timestamps: number[] }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el) return
    const data: uPlot.AlignedData = [timestamps.map((t) => t / 1000), ...spec.series.map((s) => s.values)]
    const markDrawn = () => el.setAttribute('data-drawn', 'true')
    let plot = new uPlot(options(spec, el.clientWidth || 400, el, markDrawn), data, el)
    const resize = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientWidth !== plot.width) plot.setSize({ width: el.clientWidth, height: HEIGHT })
    })
    resize.observe(el)
    const scheme = window.matchMedia('(prefers-color-scheme: dark)')
    const recolor = () => {
      plot.destroy()
      plot = new uPlot(options(spec, el.clientWidth || 400, el, markDrawn), data, el)
    }
    scheme.addEventListener('change', recolor)
    return () => {
      scheme.removeEventListener('change', recolor)
      resize.disconnect()
      plot.destroy()
      el.removeAttribute('data-drawn')
    }
  }, [spec, timestamps])
  return <div ref={box} className={styles.plot} />
}
