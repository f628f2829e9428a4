// The details page's data: the endpoint (polled by endpointQuery while unsettled) and the panels
// that follow it (events, logs), refreshed when the endpoint itself changes rather than on a timer.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { isApiError } from '../../api/client'
import { endpointKeys, endpointQuery } from '../../api/queries'
import type { ServingEndpointDetailed } from '../../api/types'

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404
}

export function useEndpointDetails(name: string) {
  return useQuery(endpointQuery(name))
}

/** Events and logs only change when the endpoint does (each transition bumps last_updated_timestamp). */
export function useRefreshPanelsOnChange(endpoint: ServingEndpointDetailed) {
  const queryClient = useQueryClient()
  const signature = `${endpoint.last_updated_timestamp}|${endpoint.state.ready}|${endpoint.state.config_update}`
  const previous = useRef(signature)
  const { name } = endpoint
  useEffect(() => {
    if (previous.current === signature) return
    previous.current = signature
    void queryClient.invalidateQueries({ queryKey: endpointKeys.events(name) }, { cancelRefetch: false })
    void queryClient.invalidateQueries({ queryKey: [...endpointKeys.detail(name), 'logs'] }, { cancelRefetch: false })
  }, [queryClient, name, signature])
}
