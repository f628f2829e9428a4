// What the mock stores. Everything time-driven is derived from these timestamps at read time.
import type {
  AiGatewayConfig,
  AutoCaptureConfig,
  EndpointEvent,
  EndpointTag,
  FoundationModel,
  PermissionLevel,
  ServedEntityInput,
  TrafficConfig,
} from '../../api/types'
import type { AccessControlRequest } from '../../api/permissions'

export interface StoredEntity extends ServedEntityInput {
  name: string
  creator: string
  creation_timestamp: number
  foundation_model?: FoundationModel
}

export type ConfigOutcome = 'ready' | 'failed' | 'aborted'

export interface StoredConfig {
  config_version: number
  served_entities: StoredEntity[]
  traffic_config: TrafficConfig
  auto_capture_config?: AutoCaptureConfig
  /** How this config's rollout ended: ready, failed (create failed) or aborted (create canceled). */
  outcome: ConfigOutcome
  message?: string
}

export interface PendingRollout {
  config: Omit<StoredConfig, 'outcome' | 'message'>
  start_time: number
  /** When the rollout ends on its own; null holds it in progress until canceled. */
  finishes_at: number | null
  fails: boolean
  /** The plain-text secrets of this config; they replace the endpoint's only if the rollout succeeds. */
  secrets?: Record<string, string>
}

export interface StoredEndpoint {
  id: string
  name: string
  creator: string
  creation_timestamp: number
  last_updated_timestamp: number
  permission_level: PermissionLevel
  task?: string
  tags: EndpointTag[]
  ai_gateway?: AiGatewayConfig
  route_optimized: boolean
  description: string
  /** Pay-per-token Foundation Model API endpoint: read-only, always ready. */
  system?: boolean
  config?: StoredConfig
  pending?: PendingRollout
  last_update: 'NOT_UPDATING' | 'UPDATE_FAILED' | 'UPDATE_CANCELED'
  events: EndpointEvent[]
  /** Write-only secrets given as *_plaintext, by `<entity>/<field path>`; never serialised out. */
  secrets: Record<string, string>
  /** Direct grants (access.ts); the creator's CAN_MANAGE is implied. Missing in states saved before ACLs. */
  acl?: AccessControlRequest[]
}

export interface StoredState {
  version: 1
  seeded_at: number
  endpoints: StoredEndpoint[]
  /** Synthetic endpoints (mock control extraEndpoints) the user deleted. */
  deleted_synthetic: string[]
}
