// Form values ⇄ wire: the create body, the config for PUT, and prefilled values from a GET.
import type {
  CreateServingEndpoint,
  EndpointCoreConfigInput,
  EndpointTag,
  ExternalModel,
  PatchTagsRequest,
  ProviderConfig,
  ServedEntityInput,
  ServedEntityOutput,
  ServingEndpointDetailed,
} from '../../api/types'
import {
  gatewayValuesOf,
  hasGatewaySettings,
  toGatewayConfig,
  toLegacyRateLimits,
} from '../../components/ai-gateway/gateway-values'
import { ptModelFor } from '../../lib/foundation-models'
import { fieldsFor, providerById, providerFor, variantById, variantFor, type ProviderField } from '../../lib/providers'
import { fieldKey, type EntityChoice, type ExternalChoice, type SecretValue } from './entity-schema'
import { EMPTY_FORM, newEntityRow, type EndpointFormValues, type EntityRow } from './form-schema'
import { derivedServedName, servedName } from './served-name'

function put(config: ProviderConfig, field: ProviderField, key: string, value: string) {
  if (!field.group) {
    config[key] = value
    return
  }
  const nested = config[field.group]
  const holder: ProviderConfig = typeof nested === 'object' ? nested : {}
  holder[key] = value
  config[field.group] = holder
}

export function externalModelOf(choice: ExternalChoice): ExternalModel {
  const entry = providerById(choice.provider)
  if (!entry) throw new Error(`Unknown provider ${choice.provider}`)
  const variant = variantById(entry, choice.auth)
  const config: ProviderConfig = { ...variant.fixed }
  for (const field of fieldsFor(entry, variant)) {
    const key = fieldKey(field)
    if (field.secret) {
      const secret = choice.secrets[key]
      const value = secret?.value.trim() ?? ''
      // Empty on edit means "keep the stored secret": the server restores it when the field is omitted.
      if (value === '') continue
      put(config, field, secret.mode === 'plaintext' ? `${field.key}_plaintext` : field.key, value)
    } else {
      const value = (choice.config[key] ?? '').trim()
      if (value !== '') put(config, field, field.key, value)
    }
  }
  return { name: choice.model_name, provider: entry.provider, task: choice.task, [entry.configKey]: config }
}

function entityInput(row: EntityRow): ServedEntityInput {
  const entity = row.entity
  if (!entity) throw new Error('A served entity row has no entity')
  const name = servedName(row)
  switch (entity.kind) {
    case 'external':
      return { name, external_model: externalModelOf(entity) }
    case 'pt':
      return {
        name,
        entity_name: entity.entity_name,
        entity_version: entity.entity_version,
        provisioned_model_units: Number(row.units),
      }
    case 'uc': {
      if (entity.throughput) {
        return {
          name,
          entity_name: entity.entity_name,
          entity_version: entity.entity_version,
          min_provisioned_throughput: entity.throughput.min,
          max_provisioned_throughput: entity.throughput.max,
        }
      }
      const input: ServedEntityInput = {
        name,
        entity_name: entity.entity_name,
        entity_version: entity.entity_version,
        workload_type: row.workload_type,
        workload_size: row.workload_size,
        scale_to_zero_enabled: row.scale_to_zero,
      }
      if (row.env.length > 0) input.environment_vars = Object.fromEntries(row.env.map((v) => [v.name.trim(), v.value.trim()]))
      return input
    }
  }
}

export function toConfig(values: EndpointFormValues): EndpointCoreConfigInput {
  const served_entities = values.entities.map(entityInput)
  const single = values.entities.length === 1
  return {
    served_entities,
    traffic_config: {
      routes: served_entities.map((e, i) => ({
        served_entity_name: e.name ?? '',
        traffic_percentage: single ? 100 : Number(values.entities[i].traffic),
      })),
    },
  }
}

export function toTags(values: EndpointFormValues): EndpointTag[] {
  return values.tags.map((t) => (t.value === '' ? { key: t.key.trim() } : { key: t.key.trim(), value: t.value }))
}

export function toCreateBody(values: EndpointFormValues): CreateServingEndpoint {
  const body: CreateServingEndpoint = { name: values.name.trim(), config: toConfig(values) }
  const tags = toTags(values)
  if (tags.length > 0) body.tags = tags
  // Limits the legacy field can carry go there (as older clients send them); the others need ai_gateway.
  const legacy = toLegacyRateLimits(values)
  if (legacy && legacy.length > 0) body.rate_limits = legacy
  if (hasGatewaySettings(values) || !legacy) {
    body.ai_gateway = toGatewayConfig(values)
    if (legacy) delete body.ai_gateway.rate_limits
  }
  if (values.route_optimized && values.entities.every((e) => e.entity?.kind === 'uc')) body.route_optimized = true
  return body
}

export function tagDiff(before: EndpointFormValues, after: EndpointFormValues): PatchTagsRequest | undefined {
  const old = new Map(toTags(before).map((t) => [t.key, t.value]))
  const now = toTags(after)
  const add_tags = now.filter((t) => !old.has(t.key) || old.get(t.key) !== t.value)
  const keys = new Set(now.map((t) => t.key))
  const delete_tags = [...old.keys()].filter((k) => !keys.has(k))
  if (add_tags.length === 0 && delete_tags.length === 0) return undefined
  return { add_tags, delete_tags }
}

function secretValueOf(config: ProviderConfig | undefined, field: ProviderField): SecretValue {
  const holder = field.group ? config?.[field.group] : config
  const ref = typeof holder === 'object' ? holder[field.key] : undefined
  if (typeof ref === 'string' && ref !== '') return { mode: 'reference', value: ref }
  // The server keeps a plain-text value it never sends back.
  return { mode: 'plaintext', value: '', stored: true }
}

function plainValueOf(config: ProviderConfig | undefined, field: ProviderField): string {
  const holder = field.group ? config?.[field.group] : config
  const value = typeof holder === 'object' ? holder[field.key] : undefined
  return typeof value === 'string' ? value : ''
}

export function choiceOf(entity: ServedEntityOutput): EntityChoice {
  const model = entity.external_model
  if (model) {
    const entry = providerFor(model)
    if (!entry) throw new Error(`Unknown provider ${model.provider}`)
    const config = model[entry.configKey]
    const variant = variantFor(entry, config)
    const plain: Record<string, string> = {}
    const secrets: Record<string, SecretValue> = {}
    for (const field of fieldsFor(entry, variant)) {
      if (field.secret) secrets[fieldKey(field)] = secretValueOf(config, field)
      else plain[fieldKey(field)] = plainValueOf(config, field)
    }
    return {
      kind: 'external',
      provider: entry.id,
      task: model.task,
      model_name: model.name,
      auth: variant.id,
      config: plain,
      secrets,
    }
  }
  const entityName = entity.entity_name ?? ''
  const version = entity.entity_version ?? ''
  if (entity.provisioned_model_units !== undefined || ptModelFor(entityName)) {
    return { kind: 'pt', entity_name: entityName, entity_version: version }
  }
  if (entity.max_provisioned_throughput !== undefined) {
    const throughput = { min: entity.min_provisioned_throughput ?? 0, max: entity.max_provisioned_throughput }
    return { kind: 'uc', entity_name: entityName, entity_version: version, throughput }
  }
  return { kind: 'uc', entity_name: entityName, entity_version: version }
}

export function toFormValues(endpoint: ServingEndpointDetailed): EndpointFormValues {
  const config = endpoint.config ?? endpoint.pending_config
  const routes = new Map((config?.traffic_config.routes ?? []).map((r) => [r.served_entity_name, r.traffic_percentage]))
  const entities: EntityRow[] = (config?.served_entities ?? []).map((e) => {
    const entity = choiceOf(e)
    return {
      ...newEntityRow(String(routes.get(e.name) ?? 0)),
      entity,
      // A name the console would have derived counts as derived: it follows the model from now on.
      served_name: e.name === derivedServedName(entity) ? '' : e.name,
      server_name: e.name,
      workload_type: e.workload_type ?? 'CPU',
      workload_size: e.workload_size ?? 'Small',
      scale_to_zero: e.scale_to_zero_enabled ?? false,
      units: e.provisioned_model_units !== undefined ? String(e.provisioned_model_units) : newEntityRow().units,
      env: Object.entries(e.environment_vars ?? {}).map(([name, value]) => ({ name, value })),
    }
  })
  return {
    ...EMPTY_FORM,
    ...gatewayValuesOf(endpoint.ai_gateway),
    name: endpoint.name,
    entities: entities.length > 0 ? entities : [newEntityRow()],
    tags: (endpoint.tags ?? []).map((t) => ({ key: t.key, value: t.value ?? '' })),
    route_optimized: endpoint.route_optimized ?? false,
  }
}
