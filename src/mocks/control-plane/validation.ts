// Request validation with Databricks error codes; messages name the field at fault.
import type {
  AutoCaptureConfig,
  ExternalModel,
  ExternalTask,
  ProviderConfig,
  ServedEntityInput,
  TrafficConfig,
  WorkloadSize,
  WorkloadType,
} from '../../api/types'
import { ENV_VAR_NAME, defaultServedEntityName, endpointNameProblem, servedEntityNameProblem } from '../../lib/names'
import { TASK_LABELS } from '../../lib/provider-labels'
import { ALL_TASKS, PROVIDERS, checkProviderConfig, providerFor, type ProviderEntry } from '../../lib/providers'
import { checkThroughput } from './catalog'
import { invalid } from './errors'
import {
  isNonNegativeInt,
  isRecord,
  mustBe,
  optionalBoolean,
  optionalInt64,
  optionalRecord,
  optionalString,
  refuseUnknown,
  type Raw,
} from './fields'
import { validateProviderConfig } from './provider-config'
import { variantsGiven } from './secrets'

export { isNonNegativeInt, isRecord }

const WORKLOAD_SIZES: readonly WorkloadSize[] = ['Small', 'Medium', 'Large']
const WORKLOAD_TYPES: readonly WorkloadType[] = ['CPU', 'GPU_SMALL', 'GPU_MEDIUM', 'GPU_LARGE', 'MULTIGPU_MEDIUM']
export const MAX_SERVED_ENTITIES = 15

/** ServedEntityInput's fields (api-research.md 2.3); the concurrency and burst settings are checked, not kept. */
const ENTITY_KEYS = [
  'name',
  'entity_name',
  'entity_version',
  'external_model',
  'workload_size',
  'workload_type',
  'scale_to_zero_enabled',
  'min_provisioned_concurrency',
  'max_provisioned_concurrency',
  'min_provisioned_throughput',
  'max_provisioned_throughput',
  'provisioned_model_units',
  'burst_scaling_enabled',
  'environment_vars',
  'instance_profile_arn',
] as const
/** ServedModelInput (the legacy `served_models` list MLflow's older clients send): a registry model only. */
const LEGACY_KEYS: readonly string[] = [
  ...ENTITY_KEYS.filter((k) => !['entity_name', 'entity_version', 'external_model'].includes(k)),
  'model_name',
  'model_version',
]

/** How a config spells its list: `served_entities`, or the legacy `served_models` with model_name/model_version. */
interface Spelling {
  list: 'served_entities' | 'served_models'
  what: string
  name: 'entity_name' | 'model_name'
  version: 'entity_version' | 'model_version'
  keys: readonly string[]
}
const ENTITIES: Spelling = {
  list: 'served_entities',
  what: 'Served entity',
  name: 'entity_name',
  version: 'entity_version',
  keys: ENTITY_KEYS,
}
const LEGACY: Spelling = {
  list: 'served_models',
  what: 'Served model',
  name: 'model_name',
  version: 'model_version',
  keys: LEGACY_KEYS,
}

/** What a Unity Catalog model sets and an external model may not: the provider serves it. */
const COMPUTE_KEYS = ENTITY_KEYS.filter((k) => !['name', 'entity_name', 'external_model'].includes(k))
const EXTERNAL_MODEL_KEYS = ['name', 'provider', 'task', ...new Set(PROVIDERS.map((p) => p.configKey))]
const AUTO_CAPTURE_KEYS = ['catalog_name', 'schema_name', 'table_name_prefix', 'enabled']

/** Description and route_optimized of a create body, of the right type or refused. */
export function validateEndpointFields(body: Raw): { route_optimized: boolean; description: string } {
  return {
    route_optimized: optionalBoolean(body, 'route_optimized', '') ?? false,
    description: optionalString(body, 'description', '') ?? '',
  }
}

export function validateName(name: unknown): string {
  if (typeof name !== 'string') throw invalid('name', "Field 'name' is required.")
  const problem = endpointNameProblem(name)
  if (problem) throw invalid('name', problem)
  return name
}

/** A copy of the external model holding only the fields its provider takes. */
function validateExternalModel(raw: unknown, field: string): ExternalModel {
  if (!isRecord(raw)) throw invalid(field, `Field '${field}' must be an object.`)
  refuseUnknown(raw, EXTERNAL_MODEL_KEYS, field)
  const provider = raw.provider
  if (typeof provider !== 'string' || !PROVIDERS.some((p) => p.provider === provider)) {
    const known = [...new Set(PROVIDERS.map((p) => p.provider))].join(', ')
    throw invalid(`${field}.provider`, `Invalid external model provider '${String(provider)}'. Expected one of: ${known}.`)
  }
  const name = raw.name
  if (typeof name !== 'string' || name.trim() === '') {
    throw invalid(`${field}.name`, `Field '${field}.name' is required: the provider's model name.`)
  }
  const task = raw.task
  if (typeof task !== 'string' || !ALL_TASKS.includes(task as ExternalTask)) {
    throw invalid(`${field}.task`, `Invalid task '${String(task)}'. Expected one of: ${ALL_TASKS.join(', ')}.`)
  }
  const entry = providerFor(raw as unknown as ExternalModel)
  if (!entry) throw invalid(`${field}.provider`, `Unknown provider '${provider}'.`)
  if (!entry.tasks.includes(task as ExternalTask)) {
    throw invalid(
      `${field}.task`,
      `Provider ${entry.label} does not support the ${TASK_LABELS[task as ExternalTask]} task (${task}). Supported: ${entry.tasks.join(', ')}.`,
    )
  }
  for (const other of PROVIDERS) {
    if (other.configKey !== entry.configKey && raw[other.configKey] !== undefined) {
      throw invalid(`${field}.${other.configKey}`, `'${other.configKey}' does not apply to provider '${provider}'.`)
    }
  }
  const model: ExternalModel = { name, provider: entry.provider, task: task as ExternalTask }
  const config = validateProviderConfig(entry, raw[entry.configKey], `${field}.${entry.configKey}`)
  if (config) model[entry.configKey] = config
  return model
}

/** One way to authenticate, and the one openai_api_type names (the registry alone would pick the first that fits). */
function checkAuthVariant(entry: ProviderEntry, config: ProviderConfig | undefined, field: string): void {
  const used = variantsGiven(entry, config)
  if (used.length > 1) {
    throw invalid(field, `${entry.label} takes one way to authenticate: ${used.map((v) => v.label).join(' or ')}, not both.`)
  }
  const fixed = Object.entries(used[0]?.fixed ?? {}).find(([key, value]) => config?.[key] !== value)
  if (fixed) {
    const [key] = fixed
    const named = entry.authVariants.find((v) => v.fixed?.[key] === config?.[key])
    throw invalid(
      `${field}.${key}`,
      `${key} '${String(config?.[key])}' authenticates with ${named?.label ?? 'another method'}, not with ${used[0].label}.`,
    )
  }
}

/** Provider-config checks run after stored secrets are restored (see secrets.ts). */
export function checkExternalConfig(model: ExternalModel, field: string): void {
  const entry = providerFor(model)
  if (!entry) return
  const config = model[entry.configKey] as ProviderConfig | undefined
  checkAuthVariant(entry, config, `${field}.${entry.configKey}`)
  const problem = checkProviderConfig(entry, config)[0]
  if (problem) throw invalid(`${field}.${entry.configKey}.${problem.field}`, problem.message)
}

function validateEntity(raw: unknown, index: number, spelling: Spelling): ServedEntityInput & { name: string } {
  const { what } = spelling
  const field = `${spelling.list}[${index}]`
  if (!isRecord(raw)) throw invalid(field, `Field '${field}' must be an object.`)
  refuseUnknown(raw, spelling.keys, field)
  const entity: ServedEntityInput = {}
  const external = raw.external_model
  const entityName = optionalString(raw, spelling.name, field)
  if (external !== undefined && entityName !== undefined) {
    throw invalid(field, `${what} ${index + 1} must be either an external model or a Unity Catalog model, not both.`)
  }
  if (external === undefined && entityName === undefined) {
    const needs = spelling === LEGACY ? 'a model_name' : 'an entity_name or an external_model'
    throw invalid(`${field}.${spelling.name}`, `${what} ${index + 1} needs ${needs}.`)
  }
  if (external !== undefined) {
    for (const key of COMPUTE_KEYS) {
      if (raw[key] !== undefined) {
        throw invalid(`${field}.${key}`, `'${key}' does not apply to an external model: the provider serves it.`)
      }
    }
    entity.external_model = validateExternalModel(external, `${field}.external_model`)
  } else {
    entity.entity_name = entityName
    const version = raw[spelling.version]
    // A whole number is a version too; Infinity, fractions and negatives are not.
    if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) entity.entity_version = String(version)
    else if (typeof version === 'number') throw mustBe(`${field}.${spelling.version}`, 'a string')
    else entity.entity_version = optionalString(raw, spelling.version, field)
    if (!entity.entity_version) {
      throw invalid(
        `${field}.${spelling.version}`,
        `${what} ${index + 1} needs ${spelling === LEGACY ? 'a' : 'an'} ${spelling.version}.`,
      )
    }
    const units = optionalInt64(raw, 'provisioned_model_units', field)
    const min = optionalInt64(raw, 'min_provisioned_throughput', field)
    const max = optionalInt64(raw, 'max_provisioned_throughput', field)
    optionalInt64(raw, 'min_provisioned_concurrency', field)
    optionalInt64(raw, 'max_provisioned_concurrency', field)
    optionalBoolean(raw, 'burst_scaling_enabled', field)
    if (min !== undefined || max !== undefined) checkThroughput(entity.entity_name ?? '', min, max, field)
    const pt = units ?? max
    if (pt !== undefined) {
      if (pt === 0) throw invalid(`${field}.provisioned_model_units`, 'Provisioned throughput must be a positive integer.')
      if (units !== undefined) entity.provisioned_model_units = units
      if (min !== undefined) entity.min_provisioned_throughput = min
      if (max !== undefined) entity.max_provisioned_throughput = max
    } else {
      const size = raw.workload_size
      if (size === undefined) {
        throw invalid(`${field}.workload_size`, `${what} ${index + 1} needs a workload_size (Small, Medium or Large).`)
      }
      if (!WORKLOAD_SIZES.includes(size as WorkloadSize)) {
        throw invalid(`${field}.workload_size`, `Invalid workload_size '${String(size)}'. Expected Small, Medium or Large.`)
      }
      entity.workload_size = size as WorkloadSize
      const type = raw.workload_type ?? 'CPU'
      if (!WORKLOAD_TYPES.includes(type as WorkloadType)) {
        throw invalid(
          `${field}.workload_type`,
          `Invalid workload_type '${String(type)}'. Expected one of: ${WORKLOAD_TYPES.join(', ')}.`,
        )
      }
      entity.workload_type = type as WorkloadType
      if (typeof raw.scale_to_zero_enabled !== 'boolean') {
        throw invalid(`${field}.scale_to_zero_enabled`, 'scaleToZeroEnabled is undefined. Please set it to either true or false.')
      }
      entity.scale_to_zero_enabled = raw.scale_to_zero_enabled
    }
    if (raw.environment_vars !== undefined)
      entity.environment_vars = validateEnvVars(raw.environment_vars, `${field}.environment_vars`)
    const profile = optionalString(raw, 'instance_profile_arn', field)
    if (profile) entity.instance_profile_arn = profile
  }
  const given = optionalString(raw, 'name', field)
  const name = given && given.trim() !== '' ? given : defaultServedEntityName(entity)
  const nameProblem = servedEntityNameProblem(name)
  if (nameProblem) throw invalid(`${field}.name`, nameProblem)
  return { ...entity, name }
}

export interface ValidConfig {
  served_entities: (ServedEntityInput & { name: string })[]
  traffic_config: TrafficConfig
  auto_capture_config?: AutoCaptureConfig
}

export function validateConfig(raw: unknown): ValidConfig {
  if (!isRecord(raw)) throw invalid('config', "Field 'config' is required and must be an object.")
  const given = (key: string) => raw[key] !== undefined && raw[key] !== null
  if (given('served_entities') && given('served_models')) {
    throw invalid('served_models', 'Send either served_entities or served_models (its older name), not both.')
  }
  // Databricks still takes the legacy list, and serves it as served entities.
  const spelling = given('served_models') ? LEGACY : ENTITIES
  const list = raw[spelling.list]
  if (!Array.isArray(list) || list.length === 0) {
    throw invalid(spelling.list, 'At least one served entity is required.')
  }
  if (list.length > MAX_SERVED_ENTITIES) {
    throw invalid(spelling.list, `An endpoint can serve at most ${MAX_SERVED_ENTITIES} entities.`)
  }
  const entities = list.map((e, i) => validateEntity(e, i, spelling))
  const names = new Set<string>()
  entities.forEach((e, i) => {
    if (names.has(e.name)) {
      throw invalid(`${spelling.list}[${i}].name`, `Served entity name '${e.name}' is used more than once in this config.`)
    }
    names.add(e.name)
  })
  const externals = entities.filter((e) => e.external_model)
  if (externals.length > 0 && entities.length > 1) {
    throw invalid('served_entities', 'An endpoint that serves an external model must have exactly one served entity.')
  }
  return {
    served_entities: entities,
    traffic_config: validateTraffic(
      raw.traffic_config,
      entities.map((e) => e.name),
    ),
    auto_capture_config: validateAutoCapture(raw),
  }
}

function validateAutoCapture(config: Raw): AutoCaptureConfig | undefined {
  const raw = optionalRecord(config, 'auto_capture_config', '')
  if (!raw) return undefined
  const field = 'auto_capture_config'
  refuseUnknown(raw, AUTO_CAPTURE_KEYS, field)
  const out: AutoCaptureConfig = {}
  for (const key of ['catalog_name', 'schema_name', 'table_name_prefix'] as const) {
    const value = optionalString(raw, key, field)
    if (value !== undefined) out[key] = value
  }
  const enabled = optionalBoolean(raw, 'enabled', field)
  if (enabled !== undefined) out.enabled = enabled
  return out
}

function validateTraffic(raw: unknown, entityNames: string[]): TrafficConfig {
  if (raw === undefined || raw === null) {
    if (entityNames.length === 1) return { routes: [{ served_entity_name: entityNames[0], traffic_percentage: 100 }] }
    throw invalid('traffic_config', 'traffic_config is required when an endpoint serves more than one entity.')
  }
  if (!isRecord(raw) || !Array.isArray(raw.routes)) {
    throw invalid('traffic_config.routes', "Field 'traffic_config.routes' must be a list of routes.")
  }
  const routed = new Set<string>()
  const routes = raw.routes.map((r, i) => {
    const field = `traffic_config.routes[${i}]`
    if (!isRecord(r)) throw invalid(field, `Route ${i + 1} must be an object.`)
    // Older clients name the route's entity served_model_name; answers carry both.
    const key =
      r.served_entity_name === undefined && r.served_model_name !== undefined ? 'served_model_name' : 'served_entity_name'
    const name = r[key]
    if (typeof name !== 'string' || !entityNames.includes(name)) {
      throw invalid(`${field}.${key}`, `Route ${i + 1} names served entity '${String(name)}', which is not in this config.`)
    }
    if (r.served_model_name !== undefined && r.served_model_name !== name) {
      throw invalid(
        `${field}.served_model_name`,
        `Route ${i + 1} names two entities: served_entity_name '${name}' and served_model_name '${String(r.served_model_name)}'.`,
      )
    }
    if (routed.has(name)) {
      throw invalid(`${field}.${key}`, `Served entity '${name}' has more than one route: give each entity one route.`)
    }
    routed.add(name)
    const pct = r.traffic_percentage
    if (!isNonNegativeInt(pct) || pct > 100) {
      throw invalid(`${field}.traffic_percentage`, `Traffic percentage must be an integer from 0 to 100 (route '${name}').`)
    }
    return { served_entity_name: name, traffic_percentage: pct }
  })
  const sum = routes.reduce((total, r) => total + r.traffic_percentage, 0)
  if (sum !== 100) {
    throw invalid('traffic_config', `Traffic percentages must add up to 100; they add up to ${sum}.`)
  }
  return { routes }
}

function validateEnvVars(raw: unknown, field: string): Record<string, string> {
  if (!isRecord(raw)) throw invalid(field, `Field '${field}' must be an object of variable names to string values.`)
  for (const [name, value] of Object.entries(raw)) {
    if (!ENV_VAR_NAME.test(name)) {
      throw invalid(
        field,
        `Environment variable name '${name}' is invalid: use letters, digits and underscores, not starting with a digit.`,
      )
    }
    if (typeof value !== 'string') throw invalid(`${field}.${name}`, `Environment variable '${name}' must have a string value.`)
  }
  return raw as Record<string, string>
}
