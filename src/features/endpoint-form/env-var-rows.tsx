// A custom model's environment variables: name/value rows inside its served-entity card.
import { FieldArrayRows, type RowColumn } from './field-array-rows'
import shared from './form-layout.module.css'

type EnvName = `entities.${number}.env`

const columns: readonly RowColumn<EnvName>[] = [
  { name: 'name', label: 'Variable name', input: { kind: 'text', spellCheck: false } },
  { name: 'value', label: 'Variable value', input: { kind: 'text', spellCheck: false } },
]

export function EnvVarRows({ entityIndex }: { entityIndex: number }) {
  const entity = entityIndex + 1
  return (
    <FieldArrayRows
      name={`entities.${entityIndex}.env` satisfies EnvName}
      layout="subsection"
      title={
        <>
          Environment variables <span className={shared.muted}>(optional)</span>
        </>
      }
      hint={<>Values are stored as typed: refer to credentials as {'{{secrets/<scope>/<key>}}'}.</>}
      columns={columns}
      newRow={{ name: '', value: '' }}
      addLabel="Add environment variable"
      removeLabel={(index) => `Remove environment variable ${index + 1} of served entity ${entity}`}
    />
  )
}
