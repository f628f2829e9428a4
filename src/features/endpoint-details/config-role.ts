// What the endpoint's stored config is: the one serving, or a first config that never became ready.
import type { EndpointCoreConfigOutput } from '../../api/types'

export type ConfigRole = 'active' | 'canceled' | 'failed'

/** A not-ready endpoint whose every entity was aborted or failed has never served: its config is not active. */
export function configRole(config: Pick<EndpointCoreConfigOutput, 'served_entities'>, ready: boolean): ConfigRole {
  if (ready) return 'active'
  const deployments = config.served_entities.map((e) => e.state.deployment)
  const ended = deployments.length > 0 && deployments.every((d) => d === 'DEPLOYMENT_ABORTED' || d === 'DEPLOYMENT_FAILED')
  if (!ended) return 'active'
  return deployments.includes('DEPLOYMENT_FAILED') ? 'failed' : 'canceled'
}
