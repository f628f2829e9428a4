// Shown when the in-browser mock's saved demo data cannot be read: what is wrong, where the damaged copy
// is kept, and a Reset that works at once. Checked at start, on another tab's write, and on any failed request.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Alert } from '../components/alert'
import { Button } from '../components/button'
import { checkDemoData, resetDemoData } from './demo-data'
import { useDemoData } from './use-demo-data'

export function DamagedDataNotice() {
  const queryClient = useQueryClient()
  const { damage } = useDemoData()

  useEffect(() => {
    checkDemoData()
    window.addEventListener('storage', checkDemoData)
    const queries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') checkDemoData()
    })
    const mutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') checkDemoData()
    })
    return () => {
      window.removeEventListener('storage', checkDemoData)
      queries()
      mutations()
    }
  }, [queryClient])

  if (!damage) return null
  return (
    <Alert
      title="The saved demo data could not be read"
      actions={
        <Button variant="primary" onClick={() => resetDemoData(queryClient)}>
          Reset demo data
        </Button>
      }
    >
      <p>
        The mock backend found that {damage.problem}, so it answers every request with an error. A copy of the damaged data is
        kept in localStorage["{damage.keptIn}"] for inspection. Reset starts again from the seeded endpoints.
      </p>
    </Alert>
  )
}
