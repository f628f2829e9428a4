// The demo workspace: pay-per-token Foundation Model API endpoints and customer endpoints in varied states.
import type { EndpointEvent, ExternalModel, FoundationModel } from '../../api/types'
import { FOUNDATION_MODELS, type FoundationTask } from '../../lib/foundation-models'
import type { StoredConfig, StoredEndpoint, StoredEntity, StoredState } from './model'

export const CURRENT_USER = 'ada.lovelace@example.com'
const GRACE = 'grace.hopper@example.com'
const ALAN = 'alan.turing@example.com'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** The seeded creating endpoint and in-progress update hold for a day of mock time. */
export const SEED_HOLD_MS = DAY

const SYSTEM_PREFIX = 'system.ai.'
const PAY_PER_TOKEN_DOCS = 'https://docs.databricks.com/machine-learning/foundation-models/supported-models.html'
const PROVISIONED_DOCS = 'https://docs.databricks.com/machine-learning/foundation-models/'

interface SystemModel {
  endpoint: string
  task: FoundationTask
  /** The entity name without its system.ai. prefix. */
  model: string
  display: string
  description: string
}

/** The pay-per-token Foundation Model API endpoints every workspace has, from the shared catalog. */
export const SYSTEM_MODELS: readonly SystemModel[] = FOUNDATION_MODELS.flatMap((m) =>
  m.pay_per_token
    ? [
        {
          endpoint: m.pay_per_token.endpoint,
          task: m.task,
          model: m.entity_name.slice(SYSTEM_PREFIX.length),
          display: m.display_name,
          description: m.pay_per_token.description,
        },
      ]
    : [],
)

/** Provisioned-throughput base models a customer may deploy (the dialog's "Foundation Model APIs" group). */
export const PT_MODELS: readonly FoundationModel[] = FOUNDATION_MODELS.flatMap((m) =>
  m.provisioned
    ? [
        {
          name: m.entity_name,
          display_name: m.display_name,
          description: m.provisioned.description,
          docs: PROVISIONED_DOCS,
        },
      ]
    : [],
)

function event(timestamp: number, type: EndpointEvent['type'], message: string, served?: string): EndpointEvent {
  return served ? { timestamp, type, message, served_entity_name: served } : { timestamp, type, message }
}

function base(
  name: string,
  creator: string,
  created: number,
  permission: StoredEndpoint['permission_level'] = 'CAN_MANAGE',
): StoredEndpoint {
  return {
    id: `${(hash(name) >>> 0).toString(16).padStart(8, '0')}${name.length.toString(16).padStart(4, '0')}`,
    name,
    creator,
    creation_timestamp: created,
    last_updated_timestamp: created,
    permission_level: permission,
    tags: [],
    route_optimized: false,
    description: '',
    last_update: 'NOT_UPDATING',
    events: [event(created, 'ENDPOINT_CREATED', `Endpoint created by ${creator}.`)],
    secrets: {},
    // The creator's CAN_MANAGE is implied; the current user gets `permission` on someone else's endpoint.
    acl: creator === CURRENT_USER ? [] : [{ user_name: CURRENT_USER, permission_level: permission }],
  }
}

function customEntity(
  model: string,
  version: string,
  creator: string,
  created: number,
  size: StoredEntity['workload_size'] = 'Small',
): StoredEntity {
  return {
    name: `${model.split('.').pop()}-${version}`,
    entity_name: model,
    entity_version: version,
    workload_size: size,
    workload_type: 'CPU',
    scale_to_zero_enabled: true,
    creator,
    creation_timestamp: created,
  }
}

/** An external-model entity named after its model, as the create form names it. */
function externalEntity(model: ExternalModel, creator: string, created: number): StoredEntity {
  const name = model.name.replace(/[^A-Za-z0-9_-]/g, '_')
  return { name, external_model: model, creator, creation_timestamp: created }
}

/** A config serving one entity with all the traffic. */
function readyConfig(entity: StoredEntity, version = 1): StoredConfig {
  return {
    config_version: version,
    outcome: 'ready',
    served_entities: [entity],
    traffic_config: { routes: [{ served_entity_name: entity.name, traffic_percentage: 100 }] },
  }
}

export function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h
}

export function systemEndpoint(model: SystemModel, now: number): StoredEndpoint {
  const created = now - 400 * DAY
  const endpoint = base(model.endpoint, 'system', created, 'CAN_QUERY')
  endpoint.system = true
  endpoint.acl = [{ group_name: 'users', permission_level: 'CAN_QUERY' }]
  endpoint.task = model.task
  endpoint.events = []
  endpoint.config = {
    config_version: 1,
    outcome: 'ready',
    served_entities: [
      {
        name: model.endpoint,
        entity_name: `${SYSTEM_PREFIX}${model.model}`,
        creator: 'system',
        creation_timestamp: created,
        foundation_model: {
          name: model.model,
          display_name: model.display,
          description: model.description,
          docs: PAY_PER_TOKEN_DOCS,
        },
      },
    ],
    traffic_config: { routes: [{ served_entity_name: model.endpoint, traffic_percentage: 100 }] },
  }
  return endpoint
}

export function seedState(now: number): StoredState {
  const endpoints: StoredEndpoint[] = SYSTEM_MODELS.map((m) => systemEndpoint(m, now))

  // Ready external model (OpenAI chat), owned by the current user.
  const chat = base('support-chat-gpt4o', CURRENT_USER, now - 12 * DAY)
  chat.task = 'llm/v1/chat'
  chat.acl = [
    { group_name: 'support', permission_level: 'CAN_QUERY' },
    { user_name: GRACE, permission_level: 'CAN_VIEW' },
  ]
  chat.tags = [
    { key: 'team', value: 'support' },
    { key: 'cost-center', value: 'cx-042' },
  ]
  chat.ai_gateway = {
    usage_tracking_config: { enabled: true },
    rate_limits: [{ calls: 100, key: 'user', renewal_period: 'minute' }],
  }
  chat.config = readyConfig(
    externalEntity(
      {
        name: 'gpt-4o',
        provider: 'openai',
        task: 'llm/v1/chat',
        openai_config: { openai_api_key: '{{secrets/support/openai_api_key}}' },
      },
      CURRENT_USER,
      now - 3 * DAY,
    ),
    2,
  )
  chat.last_updated_timestamp = now - 3 * DAY
  chat.events.push(event(now - 3 * DAY, 'CONFIG_UPDATE_SUCCEEDED', 'Config version 2 is now serving.'))
  endpoints.push(chat)

  // Ready custom model: two versions splitting traffic.
  const churn = base('churn-predictor', CURRENT_USER, now - 40 * DAY)
  churn.tags = [{ key: 'team', value: 'growth' }]
  churn.config = {
    config_version: 4,
    outcome: 'ready',
    served_entities: [
      customEntity('main.default.churn_model', '3', CURRENT_USER, now - 9 * DAY),
      customEntity('main.default.churn_model', '4', CURRENT_USER, now - 2 * DAY, 'Medium'),
    ],
    traffic_config: {
      routes: [
        { served_entity_name: 'churn_model-3', traffic_percentage: 80 },
        { served_entity_name: 'churn_model-4', traffic_percentage: 20 },
      ],
    },
  }
  churn.last_updated_timestamp = now - 2 * DAY
  churn.events.push(event(now - 2 * DAY, 'CONFIG_UPDATE_SUCCEEDED', 'Config version 4 is now serving.'))
  endpoints.push(churn)

  // Still creating (held for SEED_HOLD_MS).
  const fraud = base('fraud-detector-v2', CURRENT_USER, now - 4 * MINUTE)
  fraud.tags = [{ key: 'team', value: 'risk' }]
  fraud.pending = {
    config: {
      config_version: 1,
      served_entities: [customEntity('main.risk.fraud_detector', '7', CURRENT_USER, now - 4 * MINUTE, 'Medium')],
      traffic_config: { routes: [{ served_entity_name: 'fraud_detector-7', traffic_percentage: 100 }] },
    },
    start_time: now - 4 * MINUTE,
    finishes_at: now + SEED_HOLD_MS,
    fails: false,
  }
  endpoints.push(fraud)

  // Ready, with a config update in progress (held for SEED_HOLD_MS).
  const recsys = base('recsys-ranker', GRACE, now - 30 * DAY)
  recsys.acl?.push({ group_name: 'recommendations', permission_level: 'CAN_QUERY' })
  recsys.tags = [
    { key: 'team', value: 'recommendations' },
    { key: 'env', value: 'prod' },
  ]
  recsys.config = readyConfig(customEntity('main.recsys.ranker', '11', GRACE, now - 8 * DAY, 'Medium'), 6)
  recsys.pending = {
    config: {
      config_version: 7,
      served_entities: [
        customEntity('main.recsys.ranker', '11', GRACE, now - 8 * DAY, 'Medium'),
        customEntity('main.recsys.ranker', '12', GRACE, now - 6 * MINUTE, 'Medium'),
      ],
      traffic_config: {
        routes: [
          { served_entity_name: 'ranker-11', traffic_percentage: 90 },
          { served_entity_name: 'ranker-12', traffic_percentage: 10 },
        ],
      },
    },
    start_time: now - 6 * MINUTE,
    finishes_at: now + SEED_HOLD_MS,
    fails: false,
  }
  recsys.last_updated_timestamp = now - 6 * MINUTE
  recsys.events.push(
    event(now - 8 * DAY, 'CONFIG_UPDATE_SUCCEEDED', 'Config version 6 is now serving.'),
    event(now - 6 * MINUTE, 'CONFIG_UPDATE_STARTED', 'Config update to version 7 started by grace.hopper@example.com.'),
  )
  endpoints.push(recsys)

  // Ready, but its last update failed: version 2 keeps serving.
  const sentiment = base('sentiment-classifier', CURRENT_USER, now - 20 * DAY)
  sentiment.tags = [{ key: 'team', value: 'nlp' }]
  sentiment.config = readyConfig(customEntity('main.nlp.sentiment', '2', CURRENT_USER, now - 15 * DAY), 2)
  sentiment.last_update = 'UPDATE_FAILED'
  sentiment.last_updated_timestamp = now - 5 * HOUR
  sentiment.events.push(
    event(now - 5 * HOUR - 20 * MINUTE, 'CONFIG_UPDATE_STARTED', 'Config update to version 3 started.'),
    event(
      now - 5 * HOUR,
      'CONFIG_UPDATE_FAILED',
      'Config version 3 failed to deploy; version 2 keeps serving. Container build failed: could not install the model environment (pip exited with status 1).',
      'sentiment-3',
    ),
  )
  endpoints.push(sentiment)

  // Provisioned throughput on a Foundation Model.
  const pt = base('llama-pt-finance', ALAN, now - 60 * DAY)
  pt.task = 'llm/v1/chat'
  pt.tags = [{ key: 'team', value: 'finance' }]
  pt.config = {
    config_version: 1,
    outcome: 'ready',
    served_entities: [
      {
        name: 'meta_llama_v3_3_70b_instruct-3',
        entity_name: 'system.ai.meta_llama_v3_3_70b_instruct',
        entity_version: '3',
        provisioned_model_units: 50,
        creator: ALAN,
        creation_timestamp: now - 60 * DAY,
        foundation_model: PT_MODELS[0],
      },
    ],
    traffic_config: { routes: [{ served_entity_name: 'meta_llama_v3_3_70b_instruct-3', traffic_percentage: 100 }] },
  }
  endpoints.push(pt)

  // One the current user may only view (Cohere embeddings, someone else's).
  const shared = base('shared-embeddings', GRACE, now - 90 * DAY, 'CAN_VIEW')
  // Everyone may view it; a CI service principal (by application ID) may query it.
  shared.acl = [
    { group_name: 'users', permission_level: 'CAN_VIEW' },
    { service_principal_name: '6f1c2a9e-4b3d-4e8a-9c7f-2d5e8b1a0c34', permission_level: 'CAN_QUERY' },
  ]
  shared.task = 'llm/v1/embeddings'
  shared.tags = [{ key: 'team', value: 'platform' }]
  shared.config = readyConfig(
    externalEntity(
      {
        name: 'embed-english-v3.0',
        provider: 'cohere',
        task: 'llm/v1/embeddings',
        cohere_config: { cohere_api_key: '{{secrets/platform/cohere_key}}' },
      },
      GRACE,
      now - 90 * DAY,
    ),
  )
  endpoints.push(shared)

  // Someone else's Anthropic chat endpoint that the current user may query.
  const claude = base('claude-summarizer', ALAN, now - 7 * DAY, 'CAN_QUERY')
  claude.task = 'llm/v1/chat'
  claude.config = readyConfig(
    externalEntity(
      {
        name: 'claude-3-5-haiku-latest',
        provider: 'anthropic',
        task: 'llm/v1/chat',
        anthropic_config: { anthropic_api_key: '{{secrets/research/anthropic}}' },
      },
      ALAN,
      now - 7 * DAY,
    ),
  )
  endpoints.push(claude)

  return { version: 1, seeded_at: now, endpoints, deleted_synthetic: [] }
}

const SYNTHETIC_TEAMS = ['growth', 'risk', 'search', 'ads', 'support', 'platform', 'nlp', 'vision']
const SYNTHETIC_MODELS = ['ranker', 'classifier', 'forecaster', 'embedder', 'scorer', 'tagger']
const SYNTHETIC_CREATORS = [CURRENT_USER, GRACE, ALAN, 'katherine.johnson@example.com']

export const syntheticName = (index: number) => `synthetic-endpoint-${String(index + 1).padStart(5, '0')}`

/** A settled customer endpoint made from its index alone (mock control extraEndpoints). */
export function syntheticEndpoint(index: number, seededAt: number): StoredEndpoint {
  const name = syntheticName(index)
  const creator = SYNTHETIC_CREATORS[index % SYNTHETIC_CREATORS.length]
  const created = seededAt - ((index * 7919) % ((180 * DAY) / MINUTE)) * MINUTE - DAY
  const endpoint = base(name, creator, created)
  const team = SYNTHETIC_TEAMS[index % SYNTHETIC_TEAMS.length]
  endpoint.tags = [{ key: 'team', value: team }]
  if (index % 5 === 0) {
    endpoint.task = 'llm/v1/chat'
    endpoint.config = readyConfig(
      externalEntity(
        {
          name: 'gpt-4o-mini',
          provider: 'openai',
          task: 'llm/v1/chat',
          openai_config: { openai_api_key: `{{secrets/${team}/openai}}` },
        },
        creator,
        created,
      ),
    )
  } else {
    const model = SYNTHETIC_MODELS[index % SYNTHETIC_MODELS.length]
    const entity = customEntity(`main.${team}.${model}`, String((index % 9) + 1), creator, created)
    endpoint.config = readyConfig(entity)
  }
  return endpoint
}

export const UC_MODELS = [
  { catalog: 'main', schema: 'default', name: 'churn_model', versions: 4 },
  { catalog: 'main', schema: 'risk', name: 'fraud_detector', versions: 7 },
  { catalog: 'main', schema: 'recsys', name: 'ranker', versions: 12 },
  { catalog: 'main', schema: 'nlp', name: 'sentiment', versions: 3 },
  { catalog: 'ml', schema: 'vision', name: 'defect_detector', versions: 2 },
  { catalog: 'ml', schema: 'forecasting', name: 'demand_forecaster', versions: 5 },
  { catalog: 'main', schema: 'finetune', name: 'llama_3_1_8b_support', versions: 2 },
] as const
