// Wire types of the Databricks serving-endpoints REST API, snake_case end to end.
// Field names and enums follow the Databricks SDK serving model (see shared/api-contract.md).

export type EndpointReady = 'READY' | 'NOT_READY'
export type ConfigUpdate = 'NOT_UPDATING' | 'IN_PROGRESS' | 'UPDATE_FAILED' | 'UPDATE_CANCELED'
export type Deployment =
  'DEPLOYMENT_CREATING' | 'DEPLOYMENT_READY' | 'DEPLOYMENT_FAILED' | 'DEPLOYMENT_RECOVERING' | 'DEPLOYMENT_ABORTED'
export type PermissionLevel = 'CAN_MANAGE' | 'CAN_QUERY' | 'CAN_VIEW'
export type WorkloadSize = 'Small' | 'Medium' | 'Large'
export type WorkloadType = 'CPU' | 'GPU_SMALL' | 'GPU_MEDIUM' | 'GPU_LARGE' | 'MULTIGPU_MEDIUM'
export type ExternalTask = 'llm/v1/chat' | 'llm/v1/completions' | 'llm/v1/embeddings'
export type EndpointTask = ExternalTask | (string & {})

export type ProviderId =
  | 'openai'
  | 'anthropic'
  | 'cohere'
  | 'amazon-bedrock'
  | 'ai21labs'
  | 'google-cloud-vertex-ai'
  | 'palm'
  | 'databricks-model-serving'
  | 'custom'

export interface EndpointState {
  ready: EndpointReady
  config_update: ConfigUpdate
}

export interface EndpointTag {
  key: string
  value?: string
}

/** Provider config objects are open string maps on the wire; the provider registry knows their keys. */
export type ProviderConfig = { [field: string]: string | ProviderConfig | undefined }

export interface ExternalModel {
  name: string
  provider: ProviderId
  task: ExternalTask
  openai_config?: ProviderConfig
  anthropic_config?: ProviderConfig
  cohere_config?: ProviderConfig
  amazon_bedrock_config?: ProviderConfig
  ai21labs_config?: ProviderConfig
  google_cloud_vertex_ai_config?: ProviderConfig
  palm_config?: ProviderConfig
  databricks_model_serving_config?: ProviderConfig
  custom_provider_config?: ProviderConfig
}

export interface FoundationModel {
  name: string
  display_name: string
  description: string
  docs: string
}

export interface ServedEntityInput {
  name?: string
  entity_name?: string
  entity_version?: string
  external_model?: ExternalModel
  workload_size?: WorkloadSize
  workload_type?: WorkloadType
  scale_to_zero_enabled?: boolean
  min_provisioned_throughput?: number
  max_provisioned_throughput?: number
  provisioned_model_units?: number
  environment_vars?: Record<string, string>
  instance_profile_arn?: string
}

export interface ServedModelState {
  deployment: Deployment
  deployment_state_message: string
}

export interface ServedEntityOutput extends ServedEntityInput {
  name: string
  creator?: string
  creation_timestamp: number
  foundation_model?: FoundationModel
  state: ServedModelState
}

/** List summaries carry no compute, no per-entity state and no traffic. */
export interface ServedEntitySpec {
  name: string
  entity_name?: string
  entity_version?: string
  external_model?: ExternalModel
  foundation_model?: FoundationModel
}

export interface Route {
  served_entity_name: string
  traffic_percentage: number
}

export interface TrafficConfig {
  routes: Route[]
}

export interface AutoCaptureConfig {
  catalog_name?: string
  schema_name?: string
  table_name_prefix?: string
  enabled?: boolean
}

export interface EndpointCoreConfigInput {
  served_entities?: ServedEntityInput[]
  traffic_config?: TrafficConfig
  auto_capture_config?: AutoCaptureConfig
}

export interface EndpointCoreConfigOutput {
  config_version: number
  served_entities: ServedEntityOutput[]
  traffic_config: TrafficConfig
  auto_capture_config?: AutoCaptureConfig
}

export interface EndpointPendingConfig extends EndpointCoreConfigOutput {
  start_time: number
}

export interface RateLimit {
  calls: number
  key: 'user' | 'endpoint'
  renewal_period: 'minute'
}

export type AiGatewayRateLimitKey = 'user' | 'endpoint' | 'user_group' | 'service_principal'

export interface AiGatewayRateLimit {
  calls?: number
  tokens?: number
  key: AiGatewayRateLimitKey
  principal?: string
  renewal_period: 'minute'
}

export type PiiBehavior = 'NONE' | 'BLOCK' | 'MASK'

export interface GuardrailParameters {
  safety?: boolean
  pii?: { behavior: PiiBehavior }
  invalid_keywords?: string[]
  valid_topics?: string[]
}

export interface AiGatewayConfig {
  usage_tracking_config?: { enabled: boolean }
  inference_table_config?: {
    enabled: boolean
    catalog_name?: string
    schema_name?: string
    table_name_prefix?: string
  }
  rate_limits?: AiGatewayRateLimit[]
  guardrails?: { input?: GuardrailParameters; output?: GuardrailParameters }
  fallback_config?: { enabled: boolean }
}

/** Fields the list items and the detailed endpoint share. */
interface EndpointBase {
  id?: string
  name: string
  creator?: string
  creation_timestamp: number
  last_updated_timestamp: number
  state: EndpointState
  tags?: EndpointTag[]
  task?: EndpointTask
  ai_gateway?: AiGatewayConfig
  description?: string
  /** Wire extra seen on real workspaces: FOUNDATION_MODEL_API marks pay-per-token endpoints. */
  endpoint_type?: 'FOUNDATION_MODEL_API' | 'EXTERNAL_MODEL'
}

export interface ServingEndpointDetailed extends EndpointBase {
  config?: EndpointCoreConfigOutput
  pending_config?: EndpointPendingConfig
  permission_level: PermissionLevel
  route_optimized?: boolean
  endpoint_url?: string
}

export interface ServingEndpoint extends EndpointBase {
  config?: { served_entities: ServedEntitySpec[] }
  permission_level?: PermissionLevel
}

export interface CreateServingEndpoint {
  name: string
  config?: EndpointCoreConfigInput
  tags?: EndpointTag[]
  rate_limits?: RateLimit[]
  ai_gateway?: AiGatewayConfig
  route_optimized?: boolean
  description?: string
}

export interface ListEndpointsResponse {
  endpoints: ServingEndpoint[]
}

export interface PatchTagsRequest {
  add_tags?: EndpointTag[]
  delete_tags?: string[]
}

export interface PatchTagsResponse {
  tags: EndpointTag[]
}

export interface PutRateLimitsRequest {
  rate_limits: RateLimit[]
}

export type EndpointEventType =
  | 'ENDPOINT_CREATED'
  /** Ours: the first rollout, the creation, finished and the endpoint serves. */
  | 'ENDPOINT_READY'
  | 'CONFIG_UPDATE_STARTED'
  | 'CONFIG_UPDATE_SUCCEEDED'
  | 'CONFIG_UPDATE_FAILED'
  | 'CONFIG_UPDATE_CANCELED'
  | 'TAGS_UPDATED'
  | 'RATE_LIMITS_UPDATED'
  | 'AI_GATEWAY_UPDATED'

export interface EndpointEvent {
  timestamp: number
  type: EndpointEventType
  message: string
  served_entity_name?: string
}

export interface EventsResponse {
  events: EndpointEvent[]
}

export interface LogsResponse {
  logs: string
}

export interface RegisteredModel {
  full_name: string
  name: string
  catalog_name: string
  schema_name: string
  comment?: string
}

export interface ModelVersion {
  model_name: string
  version: number
  status: 'READY' | 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION'
  comment?: string
}

export interface CurrentUser {
  userName: string
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface QueryRequest {
  messages?: ChatMessage[]
  prompt?: string | string[]
  input?: string | string[]
  max_tokens?: number
  temperature?: number
  dataframe_records?: Record<string, unknown>[]
  inputs?: unknown
}

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

export type QueryResponse =
  | {
      id: string
      object: 'chat.completion'
      created: number
      model: string
      choices: { index: number; message: ChatMessage; finish_reason: string }[]
      usage: Usage
    }
  | {
      id: string
      object: 'text_completion'
      created: number
      model: string
      choices: { index: number; text: string; finish_reason: string }[]
      usage: Usage
    }
  | {
      object: 'list'
      model: string
      data: { object: 'embedding'; index: number; embedding: number[] }[]
      usage: Usage
    }
  | { predictions: unknown[] }

export interface DatabricksErrorBody {
  error_code: string
  message: string
  details?: { '@type'?: string; reason?: string; domain?: string; metadata: Record<string, string> }[]
}
