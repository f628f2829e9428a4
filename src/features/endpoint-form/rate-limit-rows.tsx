// Section "Rate limits": calls per minute, per user or for the whole endpoint.
import { FieldArrayRows, type RowColumn } from './field-array-rows'

const columns: readonly RowColumn<'rate_limits'>[] = [
  { name: 'calls', label: 'Calls', input: { kind: 'numeric' } },
  {
    name: 'key',
    label: 'Key',
    // Words for the wire values: "user" and "endpoint" alone do not say who shares the limit.
    input: {
      kind: 'select',
      options: [
        { value: 'user', label: 'Per user' },
        { value: 'endpoint', label: 'Per endpoint' },
      ],
    },
  },
  { name: 'renewal_period', label: 'Renewal period', input: { kind: 'select', options: [{ value: 'minute', label: 'minute' }] } },
]

export function RateLimitRows() {
  return (
    <FieldArrayRows
      name="rate_limits"
      layout="section"
      title="Rate limits"
      hint="Limit the queries per minute, per user or for the whole endpoint."
      columns={columns}
      newRow={{ calls: '', key: 'user', renewal_period: 'minute' }}
      addLabel="Add rate limit"
      removeLabel={(index) => `Remove rate limit ${index + 1}`}
    />
  )
}
