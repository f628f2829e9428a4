// One reading of an endpoint's state for every badge, poller and test.
import type { EndpointState, ServedEntityOutput } from '../api/types'

/** Settled: nothing will change without a user action, so nobody needs to poll. */
export function isSettled(endpoint: { state: EndpointState } | undefined): boolean {
  return endpoint !== undefined && endpoint.state.config_update !== 'IN_PROGRESS'
}

export type UpdatePhase = 'in-progress' | 'failed' | 'canceled'

export interface UiStatus {
  ready: boolean
  label: 'Ready' | 'Not ready'
  update?: { phase: UpdatePhase; label: 'Update in progress' | 'Update failed' | 'Update canceled' }
  /** The first entity message worth showing (why it failed, what it is doing). */
  message?: string
}

const UPDATE_LABELS = {
  IN_PROGRESS: { phase: 'in-progress', label: 'Update in progress' },
  UPDATE_FAILED: { phase: 'failed', label: 'Update failed' },
  UPDATE_CANCELED: { phase: 'canceled', label: 'Update canceled' },
} as const

export function toUiStatus(state: EndpointState, entities: readonly ServedEntityOutput[] = []): UiStatus {
  const ready = state.ready === 'READY'
  const update = state.config_update === 'NOT_UPDATING' ? undefined : UPDATE_LABELS[state.config_update]
  const interesting = entities.find((e) => e.state.deployment !== 'DEPLOYMENT_READY') ?? entities[0]
  const message = interesting?.state.deployment_state_message || undefined
  return { ready, label: ready ? 'Ready' : 'Not ready', update, message }
}
