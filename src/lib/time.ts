// Time formatting with Intl only.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
]

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

export function formatRelative(timestamp: number, now: number = Date.now()): string {
  const diff = timestamp - now
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'second') {
      const value = Math.round(diff / ms)
      if (unit === 'second' && Math.abs(value) < 10) return 'just now'
      return relative.format(value, unit)
    }
  }
  return 'just now'
}

export function formatAbsolute(timestamp: number): string {
  return absolute.format(timestamp)
}
