// Query endpoint: send a request from the browser (streamed for chat and completions), or copy curl,
// Python or SQL that queries it. The tabs' code loads when the dialog opens.
import { zodResolver } from '@hookform/resolvers/zod'
import { lazy, Suspense, useState } from 'react'
import { useForm } from 'react-hook-form'
import type { ServingEndpointDetailed } from '../../api/types'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../components/dialog'
import { exampleRequest, formatJson } from './query-request'
import { queryFormSchema, type ParsedQuery, type QueryFormValues } from './query-schema'

const QueryTabs = lazy(() => import('./query-tabs'))

export function QueryEndpointDialog({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const [open, setOpen] = useState(false)
  const example = (): QueryFormValues => ({ body: formatJson(exampleRequest(endpoint)) })
  // The form outlives the dialog's content, so a draft survives closing and reopening.
  const form = useForm<QueryFormValues, unknown, ParsedQuery>({
    resolver: zodResolver(queryFormSchema),
    defaultValues: example(),
  })

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">Query endpoint</Button>
      </DialogTrigger>
      <DialogContent
        wide
        title="Query endpoint"
        description={`Send a request to ${endpoint.name} from the browser, or copy code that queries it.`}
        footer={
          <DialogClose asChild>
            <Button>Close</Button>
          </DialogClose>
        }
      >
        <Suspense fallback={<p role="status">Loading…</p>}>
          <QueryTabs endpoint={endpoint} form={form} example={example} />
        </Suspense>
      </DialogContent>
    </Dialog>
  )
}
