// How a served entity reads in the configuration tables: what it serves, on what compute, in what state.
import type {
  Deployment,
  EndpointCoreConfigOutput,
  EndpointTask,
  ServedEntityOutput,
  ServingEndpointDetailed,
} from '../../api/types'
import { PT_MODELS } from '../../lib/foundation-models'
import { servedEntitySummary } from '../../lib/endpoint-rules'
import { providerFor } from '../../lib/providers'

export function entityText(entity: ServedEntityOutput): string {
  return servedEntitySummary(entity, { withTask: true })
}

export function computeText(entity: ServedEntityOutput, payPerToken = false): string {
  if (payPerToken) return 'Pay-per-token'
  if (entity.external_model) return `External · ${providerFor(entity.external_model)?.label ?? entity.external_model.provider}`
  if (entity.provisioned_model_units !== undefined) return `Provisioned · ${entity.provisioned_model_units} model units`
  if (entity.max_provisioned_throughput !== undefined) {
    return `Provisioned · ${entity.min_provisioned_throughput ?? 0}–${entity.max_provisioned_throughput} tokens/s`
  }
  const parts: string[] = [entity.workload_type ?? 'CPU', entity.workload_size ?? 'Small']
  if (entity.scale_to_zero_enabled) parts.push('scale to zero')
  return parts.join(' · ')
}

/** The task as the side panel shows it: the shared label. */

export const DEPLOYMENT_LABELS: Record<Deployment, string> = {
  DEPLOYMENT_CREATING: 'Creating',
  DEPLOYMENT_READY: 'Ready',
  DEPLOYMENT_FAILED: 'Failed',
  DEPLOYMENT_RECOVERING: 'Recovering',
  DEPLOYMENT_ABORTED: 'Aborted',
}

/** The task a config serves, read from its entities: an external model's task or a foundation model's. */
export function configTask(config: Pick<EndpointCoreConfigOutput, 'served_entities'>): EndpointTask | undefined {
  for (const entity of config.served_entities) {
    if (entity.external_model) return entity.external_model.task
    const pt = PT_MODELS.find((m) => m.entity_name === entity.entity_name)
    if (pt) return pt.task
  }
  return undefined
}

/**
 * The task of what serves now. The endpoint's `task` follows the latest config, so while an update is
 * pending it names the pending config's task; the active config's own entities say what it serves.
 */
export function activeTask(
  endpoint: Pick<ServingEndpointDetailed, 'task' | 'config' | 'pending_config'>,
): EndpointTask | undefined {
  if (endpoint.config && endpoint.pending_config) return configTask(endpoint.config)
  return endpoint.task
}
