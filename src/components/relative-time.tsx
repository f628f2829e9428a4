import { formatAbsolute, formatRelative } from '../lib/time'

/** "3 hours ago", with the absolute time on hover and for assistive tech via <time dateTime>. */
export function RelativeTime({ timestamp }: { timestamp: number }) {
  const absolute = formatAbsolute(timestamp)
  return (
    <time dateTime={new Date(timestamp).toISOString()} title={absolute}>
      {formatRelative(timestamp)}
    </time>
  )
}
