// Sources of the bench's floor pages: the least React can do for the same job.

export interface FloorRow {
  name: string
  state: string
  entities: string
  task: string
  tags: string
  creator: string
  modified: string
}

/** React + ReactDOM rendering one element. */
export function floorOneElement(): string {
  return `import { createRoot } from 'react-dom/client'
createRoot(document.getElementById('root')!).render(<table><tbody><tr><td><a href="/x">Hello</a></td></tr></tbody></table>)
`
}

/** The same rows as the list page, as a static table with no fetch, filter or virtualisation. */
export function floorTable(rows: FloorRow[]): string {
  return `import { createRoot } from 'react-dom/client'
const rows = ${JSON.stringify(rows)}
function Table() {
  return (
    <table>
      <thead><tr><th>Name</th><th>State</th><th>Served entities</th><th>Task</th><th>Tags</th><th>Created by</th><th>Last modified</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <td><a href={'/ml/endpoints/' + r.name}>{r.name}</a></td><td>{r.state}</td><td>{r.entities}</td>
            <td>{r.task}</td><td>{r.tags}</td><td>{r.creator}</td><td>{r.modified}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
createRoot(document.getElementById('root')!).render(<Table />)
`
}
