// Time-driven state: rollouts finish when the clock passes their timestamp, applied at read time.
import type {
  EndpointCoreConfigOutput,
  EndpointEvent,
  EndpointState,
  PermissionLevel,
  Route,
  ServedEntityOutput,
  ServedModelState,
  ServingEndpoint,
  ServingEndpointDetailed,
} from '../../api/types'
import type { PendingRollout, StoredConfig, StoredEndpoint, StoredEntity } from './model'
import { withoutPlaintext } from './secrets'

export const DEPLOY_FAILURE_MESSAGE =
  'Container build failed: could not install the model environment (pip exited with status 1). See the build logs.'

export function addEvent(endpoint: StoredEndpoint, event: EndpointEvent): void {
  endpoint.events.push(event)
}

/** Applies a rollout whose time has come. Returns true when the endpoint changed. */
export function settle(endpoint: StoredEndpoint, now: number): boolean {
  const pending = endpoint.pending
  if (!pending || pending.finishes_at === null || now < pending.finishes_at) return false
  const at = pending.finishes_at
  const creating = endpoint.config === undefined
  endpoint.pending = undefined
  endpoint.last_updated_timestamp = at
  if (pending.fails) {
    endpoint.last_update = 'UPDATE_FAILED'
    if (creating) endpoint.config = { ...pending.config, outcome: 'failed', message: DEPLOY_FAILURE_MESSAGE }
    addEvent(endpoint, {
      timestamp: at,
      type: 'CONFIG_UPDATE_FAILED',
      message: creating
        ? `Endpoint creation failed: ${DEPLOY_FAILURE_MESSAGE}`
        : endpoint.config?.outcome === 'ready'
          ? `Config version ${pending.config.config_version} failed to deploy; version ${endpoint.config.config_version} keeps serving. ${DEPLOY_FAILURE_MESSAGE}`
          : `Config version ${pending.config.config_version} failed to deploy. ${DEPLOY_FAILURE_MESSAGE}`,
      served_entity_name: pending.config.served_entities[0]?.name,
    })
    return true
  }
  endpoint.config = { ...pending.config, outcome: 'ready' }
  if (pending.secrets) endpoint.secrets = pending.secrets
  endpoint.last_update = 'NOT_UPDATING'
  // A creation that finishes is the endpoint becoming ready, not an update.
  addEvent(
    endpoint,
    creating
      ? { timestamp: at, type: 'ENDPOINT_READY', message: 'Endpoint is ready to serve requests.' }
      : {
          timestamp: at,
          type: 'CONFIG_UPDATE_SUCCEEDED',
          message: `Config version ${pending.config.config_version} is now serving.`,
        },
  )
  return true
}

function endpointState(endpoint: StoredEndpoint): EndpointState {
  const ready = endpoint.config?.outcome === 'ready' ? 'READY' : 'NOT_READY'
  return { ready, config_update: endpoint.pending ? 'IN_PROGRESS' : endpoint.last_update }
}

function creatingMessage(pending: PendingRollout, now: number): string {
  const elapsed = now - pending.start_time
  const total = pending.finishes_at === null ? 15 * 60_000 : pending.finishes_at - pending.start_time
  const share = total > 0 ? elapsed / total : 1
  if (share < 1 / 3) return 'Provisioning compute resources for the served entity.'
  if (share < 2 / 3) return 'Building the serving container image.'
  return 'Starting the model server and running health checks.'
}

function entityState(config: StoredConfig): ServedModelState {
  switch (config.outcome) {
    case 'ready':
      return { deployment: 'DEPLOYMENT_READY', deployment_state_message: 'Ready to serve requests.' }
    case 'failed':
      return { deployment: 'DEPLOYMENT_FAILED', deployment_state_message: config.message ?? DEPLOY_FAILURE_MESSAGE }
    case 'aborted':
      return {
        deployment: 'DEPLOYMENT_ABORTED',
        deployment_state_message: 'Deployment aborted: the update was canceled.',
      }
  }
}

function entityOut(entity: StoredEntity, state: ServedModelState): ServedEntityOutput {
  return { ...entity, state }
}

/** A route as Databricks answers it: served_model_name beside served_entity_name, for older clients. */
function routeOut(route: Route): Route & { served_model_name: string } {
  return {
    served_entity_name: route.served_entity_name,
    served_model_name: route.served_entity_name,
    traffic_percentage: route.traffic_percentage,
  }
}

function configOut(config: Omit<StoredConfig, 'outcome' | 'message'>, state: ServedModelState): EndpointCoreConfigOutput {
  const out: EndpointCoreConfigOutput = {
    config_version: config.config_version,
    served_entities: config.served_entities.map((e) => entityOut(e, state)),
    traffic_config: { routes: config.traffic_config.routes.map(routeOut) },
  }
  if (config.auto_capture_config) out.auto_capture_config = config.auto_capture_config
  return out
}

/** `level`: the caller's permission level (access.ts); the stored one by default. */
export function toDetailed(
  endpoint: StoredEndpoint,
  now: number,
  level: PermissionLevel = endpoint.permission_level,
): ServingEndpointDetailed {
  const out: ServingEndpointDetailed = {
    id: endpoint.id,
    name: endpoint.name,
    creation_timestamp: endpoint.creation_timestamp,
    last_updated_timestamp: endpoint.last_updated_timestamp,
    state: endpointState(endpoint),
    tags: endpoint.tags,
    permission_level: level,
    route_optimized: endpoint.route_optimized,
    description: endpoint.description,
  }
  if (!endpoint.system) out.creator = endpoint.creator
  else out.endpoint_type = 'FOUNDATION_MODEL_API'
  if (endpoint.task) out.task = endpoint.task
  if (endpoint.ai_gateway) out.ai_gateway = endpoint.ai_gateway
  if (endpoint.route_optimized) out.endpoint_url = `https://serving.local/serving-endpoints/${endpoint.name}/invocations`
  if (endpoint.config) out.config = configOut(endpoint.config, entityState(endpoint.config))
  if (endpoint.pending) {
    const creating: ServedModelState = {
      deployment: 'DEPLOYMENT_CREATING',
      deployment_state_message: creatingMessage(endpoint.pending, now),
    }
    out.pending_config = { ...configOut(endpoint.pending.config, creating), start_time: endpoint.pending.start_time }
  }
  return withoutPlaintext(out)
}

/** List items: no pending config, no per-entity state, no compute, no traffic. */
export function toSummary(endpoint: StoredEndpoint, level: PermissionLevel = endpoint.permission_level): ServingEndpoint {
  const config = endpoint.config ?? endpoint.pending?.config
  const out: ServingEndpoint = {
    name: endpoint.name,
    creation_timestamp: endpoint.creation_timestamp,
    last_updated_timestamp: endpoint.last_updated_timestamp,
    state: endpointState(endpoint),
    tags: endpoint.tags,
    permission_level: level,
  }
  if (endpoint.system) out.endpoint_type = 'FOUNDATION_MODEL_API'
  else {
    out.id = endpoint.id
    out.creator = endpoint.creator
  }
  if (endpoint.task) out.task = endpoint.task
  if (endpoint.ai_gateway) out.ai_gateway = endpoint.ai_gateway
  if (config) {
    out.config = {
      served_entities: config.served_entities.map((e) => {
        const spec: NonNullable<ServingEndpoint['config']>['served_entities'][number] = { name: e.name }
        if (e.entity_name !== undefined) spec.entity_name = e.entity_name
        if (e.entity_version !== undefined) spec.entity_version = e.entity_version
        if (e.external_model) spec.external_model = e.external_model
        if (e.foundation_model) spec.foundation_model = e.foundation_model
        return spec
      }),
    }
  }
  return withoutPlaintext(out)
}
