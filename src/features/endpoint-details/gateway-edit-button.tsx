// Edit in the AI Gateway panel: opens the AI Gateway dialog, whose code loads only then.
import { lazy, Suspense, useId, useState } from 'react'
import type { ServingEndpointDetailed } from '../../api/types'
import { Button } from '../../components/button'

const GatewayDialog = lazy(() => import('./gateway-dialog'))

/** For callers who can manage the endpoint; Databricks allows the AI Gateway on pay-per-token endpoints too. */
export function GatewayEditButton({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  if (endpoint.permission_level !== 'CAN_MANAGE') return null
  return (
    <div>
      <Button id={id} size="small" aria-label="Edit AI Gateway" onClick={() => setOpen(true)}>
        Edit
      </Button>
      {open && (
        <Suspense fallback={null}>
          <GatewayDialog
            endpoint={endpoint}
            onClose={() => setOpen(false)}
            returnFocus={() => document.getElementById(id)?.focus()}
          />
        </Suspense>
      )}
    </div>
  )
}
