// Section "Tags": key/value pairs that flow into billing logs.
import { FieldArrayRows, type RowColumn } from './field-array-rows'

const columns: readonly RowColumn<'tags'>[] = [
  { name: 'key', label: 'Key', input: { kind: 'text' } },
  { name: 'value', label: 'Value', input: { kind: 'text' }, optional: true },
]

export function TagRows() {
  return (
    <FieldArrayRows
      name="tags"
      layout="section"
      title="Tags"
      hint="Tags appear in billing logs and help find endpoints in the list."
      columns={columns}
      newRow={{ key: '', value: '' }}
      addLabel="Add tag"
      removeLabel={(index) => `Remove tag ${index + 1}`}
    />
  )
}
