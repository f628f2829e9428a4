// Top-right actions: Cancel update, Edit endpoint, Query endpoint, Delete, as the user's rights allow.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { useNavigate } from 'react-router'
import { isApiError } from '../../api/client'
import { cancelUpdateMutation } from '../../api/mutations'
import type { ServingEndpointDetailed } from '../../api/types'
import { Button } from '../../components/button'
import { SpinnerIcon } from '../../components/icons'
import { usePreloadOnIntent } from '../../components/page-preload'
import { useNotify } from '../../components/use-notify'
import { EDIT_LOCKED_REASON, isPayPerToken } from '../../lib/endpoint-rules'
import { abilitiesFor, accessNote } from './abilities'
import { DeleteEndpointButton } from './delete-endpoint-button'
import styles from './header-actions.module.css'
import shared from './details-shared.module.css'
import { LockedAction } from './locked-action'
import { PermissionsButton } from './permissions-button'
import { QueryEndpointDialog } from './query-endpoint-dialog'

function useCancelUpdate(name: string) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const mutation = useMutation(cancelUpdateMutation(queryClient, name))
  const cancel = () =>
    mutation.mutate(undefined, {
      onSuccess: (endpoint) => {
        if (endpoint.state.ready !== 'READY') notify(`Update canceled: ${name} was not created.`)
        else if (endpoint.config) notify(`Update canceled. Version ${endpoint.config.config_version} keeps serving.`)
        else notify('Update canceled.')
      },
      onError: (error) => {
        // 409: nothing left to cancel; onError of the mutation already rolled back and refetches.
        if (isApiError(error) && error.status === 409) notify('The update finished before it could be canceled.')
        else notify(`Couldn't cancel the update: ${error.message}`, 'error')
      },
    })
  return { cancel, canceling: mutation.isPending }
}

export function HeaderActions({ endpoint }: { endpoint: ServingEndpointDetailed }) {
  const { name } = endpoint
  const can = abilitiesFor(endpoint)
  const navigate = useNavigate()
  const editPath = `/ml/endpoints/${encodeURIComponent(name)}/edit`
  const preloadEdit = usePreloadOnIntent(editPath)
  const reasonId = useId()
  const { cancel, canceling } = useCancelUpdate(name)
  const updating = endpoint.state.config_update === 'IN_PROGRESS'
  const note = accessNote(endpoint)
  const noteId = useId()
  // Actions the level forbids stay in place, disabled, described by the note (pay-per-token endpoints have none).
  const locked = (label: string) => !isPayPerToken(endpoint) && <LockedAction label={label} reasonId={noteId} />

  return (
    <div className={styles.actionsBlock}>
      <div className={styles.actions}>
        {!can.manage && updating && locked('Cancel update')}
        {can.manage && (updating || canceling) && (
          <Button onClick={cancel} disabled={canceling} aria-busy={canceling || undefined}>
            {canceling && <SpinnerIcon className={shared.spin} />}
            Cancel update
          </Button>
        )}
        {can.manage && (
          <Button
            aria-disabled={updating || undefined}
            aria-describedby={updating ? reasonId : undefined}
            {...preloadEdit}
            onClick={() => {
              if (!updating) void navigate(editPath)
            }}
          >
            Edit endpoint
          </Button>
        )}
        {!can.manage && locked('Edit endpoint')}
        {can.query ? <QueryEndpointDialog endpoint={endpoint} /> : locked('Query endpoint')}
        {can.manage ? <DeleteEndpointButton name={name} /> : locked('Delete')}
        {can.manage ? <PermissionsButton endpoint={endpoint} /> : locked('Permissions')}
      </div>
      {note && (
        <p id={noteId} className={styles.reason}>
          {note}
        </p>
      )}
      {can.manage && updating && (
        <p id={reasonId} className={styles.reason}>
          {EDIT_LOCKED_REASON}
        </p>
      )}
    </div>
  )
}
