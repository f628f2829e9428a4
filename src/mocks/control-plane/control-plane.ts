// The mock's backend: owns the endpoints and the Databricks semantics, free of msw, React and globals.
import type {
  AiGatewayConfig,
  CurrentUser,
  EndpointEvent,
  EndpointTag,
  EventsResponse,
  ListEndpointsResponse,
  LogsResponse,
  ModelVersion,
  PatchTagsResponse,
  PutRateLimitsRequest,
  QueryResponse,
  RegisteredModel,
  PermissionLevel,
  ServingEndpoint,
  ServingEndpointDetailed,
} from '../../api/types'
import type { ServingEndpointPermissions } from '../../api/permissions'
import { foundationModelFor } from '../../lib/foundation-models'
import { MockClock, systemClock, type Clock } from './clock'
import { Controls, DEFAULT_CONTROLS, type Fault, type MockControls } from './controls'
import { modelVersions, optimizationInfo, registeredModels } from './catalog'
import * as access from './access'
import { ControlPlaneError, invalid } from './errors'
import { GatewayEnforcer } from './gateway-enforcement'
import { invokeEndpoint } from './invocations'
import { InvocationLog } from './invocation-log'
import { recordFault, recordInvocation, type MetricsSource } from './metrics'
import { addEvent, toDetailed, toSummary } from './lifecycle'
import { entityLogs } from './logs'
import type { StoredConfig, StoredEndpoint, StoredEntity, StoredState } from './model'
import { restoreSecrets, takeSecrets } from './secrets'
import { PT_MODELS, hash, syntheticEndpoint, syntheticName } from './seed'
import type { KeyValueStorage } from './storage'
import { EndpointStore, SYNTHETIC } from './store'
import { validateAiGateway, validateRateLimits, validateTags } from './settings-validation'
import {
  checkExternalConfig,
  isRecord,
  validateConfig,
  validateEndpointFields,
  validateName,
  type ValidConfig,
} from './validation'

export interface ControlPlaneOptions {
  storage: KeyValueStorage
  clock?: Clock
  /** Defaults for controls not set in storage (Node tests use latency 0). */
  defaults?: Partial<MockControls>
  warn?: (message: string) => void
}

export class ControlPlane {
  readonly storage: KeyValueStorage
  /** The base clock plus the offset POST /__mock/clock moves. */
  readonly clock: MockClock
  readonly controls: Controls
  /** AI Gateway at query time: rate-limit windows, guardrails and usage, in memory. */
  readonly gateway = new GatewayEnforcer()
  private readonly store: EndpointStore
  private listCache?: {
    state: StoredState
    revision: number
    extra: number
    /** The caller the list was built for, as JSON: the same caller whichever object a change of the controls hands out. */
    who: string
    json: string
    bytes?: Uint8Array
  }
  /** Every invocation answered, for the metrics (in memory, bounded). */
  readonly invocations = new InvocationLog()

  constructor({ storage, clock = systemClock, defaults = {}, warn = console.warn }: ControlPlaneOptions) {
    this.storage = storage
    this.clock = new MockClock(clock, storage)
    this.controls = new Controls(storage, { ...DEFAULT_CONTROLS, ...defaults }, warn)
    this.store = new EndpointStore(storage, this.clock, this.controls)
  }

  /** Drops all state: the next request starts from the seed (the UI's "Reset demo data"). */
  reset(): void {
    this.store.reset()
    this.invocations.clear()
    this.clock.setOffset(0)
  }

  /** The whole state as stored, due rollouts applied (GET /__mock/state). */
  exportState(): StoredState {
    return this.store.read()
  }

  /** Replaces the whole state with a checked one (PUT /__mock/state, scenarios). */
  replaceState(state: StoredState): void {
    this.store.save(state)
  }

  /**
   * Runs a write over the state. A failure other than a refusal may have left the state in memory
   * half-changed: it is dropped, and the next request reads what storage holds.
   */
  private write<T>(run: (state: StoredState) => T): T {
    const state = this.store.read()
    try {
      return run(state)
    } catch (error) {
      if (!(error instanceof ControlPlaneError)) this.store.discard()
      throw error
    }
  }

  /** For a write: the stored endpoint (a synthetic one is materialised when the write is saved). */
  private forWrite(state: StoredState, name: string): StoredEndpoint {
    const endpoint = this.store.mustFind(state, name)
    if (endpoint.system) {
      throw new ControlPlaneError(
        'PERMISSION_DENIED',
        `Endpoint '${name}' is a Databricks pay-per-token Foundation Model API endpoint and cannot be changed or deleted.`,
      )
    }
    access.requireLevel(endpoint, this.caller(), 'CAN_MANAGE')
    return endpoint
  }

  private touch(endpoint: StoredEndpoint, event?: Omit<EndpointEvent, 'timestamp'>): void {
    const now = this.clock.now()
    endpoint.last_updated_timestamp = now
    if (event) addEvent(endpoint, { ...event, timestamp: now })
  }

  // ---- controls ----

  /** Who the mock treats as the caller (the `caller` control). */
  private caller(): access.Caller {
    return this.controls.read().caller
  }

  takeFault(method: string, path: string): Fault | undefined {
    return this.controls.takeFault(method, path)
  }

  // ---- routes ----

  list(): ListEndpointsResponse {
    return this.listOf(this.store.read(), this.controls.read().extraEndpoints, this.caller())
  }

  /**
   * The list, serialised: kept while the state and the extraEndpoints control are unchanged, so a
   * list request at 2,000 endpoints does not build and serialise 2,000 summaries again.
   */
  listJson(): string {
    return this.listEntry().json
  }

  /** The same list as UTF-8 bytes, encoded once per list change (what an HTTP answer sends). */
  listBytes(): Uint8Array {
    const entry = this.listEntry()
    entry.bytes ??= new TextEncoder().encode(entry.json)
    return entry.bytes
  }

  private listEntry(): NonNullable<ControlPlane['listCache']> {
    const state = this.store.read()
    const { extraEndpoints: extra, caller } = this.controls.read()
    const who = JSON.stringify(caller)
    const cached = this.listCache
    if (
      cached &&
      cached.state === state &&
      cached.revision === this.store.revision &&
      cached.extra === extra &&
      cached.who === who
    ) {
      return cached
    }
    const json = JSON.stringify(this.listOf(state, extra, caller))
    this.listCache = { state, revision: this.store.revision, extra, who, json }
    return this.listCache
  }

  private listOf(state: StoredState, extra: number, caller: access.Caller): ListEndpointsResponse {
    const endpoints: ServingEndpoint[] = []
    // Only what the caller may view, with the caller's level.
    const add = (endpoint: StoredEndpoint) => {
      const level = access.levelOf(endpoint, caller)
      if (level) endpoints.push(toSummary(endpoint, level))
    }
    state.endpoints.forEach(add)
    if (extra > 0) {
      const taken = new Set([...state.endpoints.map((e) => e.name), ...state.deleted_synthetic])
      for (let i = 0; i < extra; i++) {
        const name = syntheticName(i)
        if (!taken.has(name)) add(syntheticEndpoint(i, state.seeded_at))
      }
    }
    return { endpoints }
  }

  /** A read: the endpoint, if the caller has at least `needed` on it (403 PERMISSION_DENIED otherwise). */
  private readable(name: string, needed: PermissionLevel): { endpoint: StoredEndpoint; level: PermissionLevel } {
    const endpoint = this.store.mustFind(this.store.read(), name)
    return { endpoint, level: access.requireLevel(endpoint, this.caller(), needed) }
  }

  get(name: string): ServingEndpointDetailed {
    const { endpoint, level } = this.readable(name, 'CAN_VIEW')
    return toDetailed(endpoint, this.clock.now(), level)
  }

  create(body: unknown): ServingEndpointDetailed {
    if (!isRecord(body)) throw invalid('body', 'The request body must be a JSON object.')
    const name = validateName(body.name)
    return this.write((state) => this.createIn(state, name, body))
  }

  private createIn(state: StoredState, name: string, body: Record<string, unknown>): ServingEndpointDetailed {
    if (this.store.find(state, name)) {
      throw new ControlPlaneError('RESOURCE_ALREADY_EXISTS', `Serving endpoint with name '${name}' already exists.`, 'name')
    }
    const config = validateConfig(body.config)
    const tags = validateTags(body.tags, 'tags')
    const rateLimits = validateRateLimits(body.rate_limits)
    const gateway = validateAiGateway(body.ai_gateway)
    config.served_entities.forEach((e, i) => {
      if (e.external_model) checkExternalConfig(e.external_model, `served_entities[${i}].external_model`)
    })
    const now = this.clock.now()
    const endpoint: StoredEndpoint = {
      id: `${(hash(`${name}:${now}`) >>> 0).toString(16).padStart(8, '0')}${(now % 65536).toString(16).padStart(4, '0')}`,
      name,
      creator: this.caller().user_name,
      creation_timestamp: now,
      last_updated_timestamp: now,
      permission_level: 'CAN_MANAGE',
      tags,
      ...validateEndpointFields(body),
      last_update: 'NOT_UPDATING',
      events: [{ timestamp: now, type: 'ENDPOINT_CREATED', message: `Endpoint created by ${this.caller().user_name}.` }],
      secrets: takeSecrets(config.served_entities),
    }
    const task = taskOf(config)
    if (task) endpoint.task = task
    if (rateLimits.length > 0) gateway.rate_limits = rateLimits
    if (Object.keys(gateway).length > 0) endpoint.ai_gateway = gateway
    this.startRollout(endpoint, config, 1, this.controls.read().deployMs)
    this.store.save(state, { put: [endpoint] })
    return toDetailed(endpoint, now)
  }

  private startRollout(
    endpoint: StoredEndpoint,
    config: ValidConfig,
    version: number,
    durationMs: number,
    secrets?: Record<string, string>,
  ): void {
    const now = this.clock.now()
    const previous = new Map((endpoint.config?.served_entities ?? []).map((e) => [e.name, e]))
    const entities: StoredEntity[] = config.served_entities.map((e) => ({
      ...e,
      creator: previous.get(e.name)?.creator ?? this.caller().user_name,
      creation_timestamp: previous.get(e.name)?.creation_timestamp ?? now,
      ...foundationModelOf(e.entity_name),
    }))
    const stored: Omit<StoredConfig, 'outcome' | 'message'> = {
      config_version: version,
      served_entities: entities,
      traffic_config: config.traffic_config,
    }
    if (config.auto_capture_config) stored.auto_capture_config = config.auto_capture_config
    endpoint.pending = {
      config: stored,
      start_time: now,
      finishes_at: now + durationMs,
      fails: this.controls.takeFailNextDeploy(),
    }
    if (secrets) endpoint.pending.secrets = secrets
  }

  updateConfig(name: string, body: unknown): ServingEndpointDetailed {
    return this.write((state) => this.updateConfigIn(state, name, body))
  }

  private updateConfigIn(state: StoredState, name: string, body: unknown): ServingEndpointDetailed {
    const endpoint = this.forWrite(state, name)
    if (endpoint.pending) {
      throw new ControlPlaneError(
        'RESOURCE_CONFLICT',
        `Endpoint '${name}' is currently updating: wait for the update in progress to finish, or cancel it, before updating its config.`,
      )
    }
    const config = validateConfig(body)
    const current = endpoint.config
    const wasExternal = current?.served_entities.some((e) => e.external_model) ?? false
    const isExternal = config.served_entities.some((e) => e.external_model)
    if (current && wasExternal && !isExternal) {
      throw invalid('served_entities', 'An endpoint created with an external model must keep serving an external model.')
    }
    if (current && !wasExternal && isExternal) {
      throw invalid('served_entities', 'An external model cannot be added to an endpoint created without one.')
    }
    restoreSecrets(config.served_entities, endpoint.secrets)
    config.served_entities.forEach((e, i) => {
      if (e.external_model) checkExternalConfig(e.external_model, `served_entities[${i}].external_model`)
    })
    const secrets = takeSecrets(config.served_entities)
    const version = (current?.config_version ?? 0) + 1
    this.startRollout(endpoint, config, version, this.controls.read().updateMs, secrets)
    const task = taskOf(config)
    if (task) endpoint.task = task
    this.touch(endpoint, {
      type: 'CONFIG_UPDATE_STARTED',
      message: `Config update to version ${version} started by ${this.caller().user_name}.`,
    })
    this.store.save(state, { put: [endpoint] })
    return toDetailed(endpoint, this.clock.now(), 'CAN_MANAGE')
  }

  /** Ours: Databricks has no public cancel route. Drops the pending config; the active one keeps serving. */
  cancelUpdate(name: string): ServingEndpointDetailed {
    return this.write((state) => this.cancelUpdateIn(state, name))
  }

  private cancelUpdateIn(state: StoredState, name: string): ServingEndpointDetailed {
    const endpoint = this.forWrite(state, name)
    const pending = endpoint.pending
    if (!pending) {
      throw new ControlPlaneError(
        'RESOURCE_CONFLICT',
        `Endpoint '${name}' has no config update in progress to cancel (its update status is ${endpoint.last_update}).`,
      )
    }
    endpoint.pending = undefined
    endpoint.last_update = 'UPDATE_CANCELED'
    if (!endpoint.config) endpoint.config = { ...pending.config, outcome: 'aborted' }
    this.touch(endpoint, {
      type: 'CONFIG_UPDATE_CANCELED',
      message:
        endpoint.config.outcome === 'aborted'
          ? `Endpoint creation canceled by ${this.caller().user_name}.`
          : `Config update to version ${pending.config.config_version} canceled by ${this.caller().user_name}; version ${endpoint.config.config_version} keeps serving.`,
    })
    this.store.save(state, { put: [endpoint] })
    return toDetailed(endpoint, this.clock.now(), 'CAN_MANAGE')
  }

  remove(name: string): Record<string, never> {
    return this.write((state) => {
      const endpoint = this.forWrite(state, name)
      state.endpoints = state.endpoints.filter((e) => e !== endpoint)
      if (SYNTHETIC.test(name)) state.deleted_synthetic.push(name)
      this.store.save(state, { removed: [name] })
      return {}
    })
  }

  patchTags(name: string, body: unknown): PatchTagsResponse {
    const raw = isRecord(body) ? body : {}
    const add = validateTags(raw.add_tags, 'add_tags')
    const remove = raw.delete_tags ?? []
    if (!Array.isArray(remove) || remove.some((k) => typeof k !== 'string')) {
      throw invalid('delete_tags', "Field 'delete_tags' must be a list of tag keys.")
    }
    return this.write((state) => {
      const endpoint = this.forWrite(state, name)
      const byKey = new Map<string, EndpointTag>(endpoint.tags.map((t) => [t.key, t]))
      for (const tag of add) byKey.set(tag.key, tag)
      for (const key of remove as string[]) byKey.delete(key)
      // Replaced tags keep their place, new ones go last: an empty PATCH changes nothing.
      endpoint.tags = [...byKey.values()]
      if (add.length > 0 || remove.length > 0) {
        this.touch(endpoint, { type: 'TAGS_UPDATED', message: `Tags updated by ${this.caller().user_name}.` })
      }
      this.store.save(state, { put: [endpoint] })
      return { tags: endpoint.tags }
    })
  }

  putRateLimits(name: string, body: unknown): PutRateLimitsRequest {
    const rateLimits = validateRateLimits(isRecord(body) ? body.rate_limits : undefined)
    return this.write((state) => {
      const endpoint = this.forWrite(state, name)
      endpoint.ai_gateway = { ...endpoint.ai_gateway, rate_limits: rateLimits }
      this.touch(endpoint, { type: 'RATE_LIMITS_UPDATED', message: `Rate limits updated by ${this.caller().user_name}.` })
      this.store.save(state, { put: [endpoint] })
      return { rate_limits: rateLimits }
    })
  }

  putAiGateway(name: string, body: unknown): AiGatewayConfig {
    const gateway = validateAiGateway(isRecord(body) ? body : {})
    return this.write((state) => {
      const endpoint = this.forWrite(state, name)
      endpoint.ai_gateway = gateway
      this.touch(endpoint, { type: 'AI_GATEWAY_UPDATED', message: `AI Gateway settings updated by ${this.caller().user_name}.` })
      this.store.save(state, { put: [endpoint] })
      return gateway
    })
  }

  events(name: string): EventsResponse {
    const { endpoint } = this.readable(name, 'CAN_VIEW')
    // Reversed before the (stable) sort so that, within one millisecond, the later event comes first.
    return { events: [...endpoint.events].reverse().sort((a, b) => b.timestamp - a.timestamp) }
  }

  logs(name: string, served: string, kind: 'build' | 'server'): LogsResponse {
    return { logs: entityLogs(this.get(name), served, kind, this.clock.now()) }
  }

  invoke(name: string, body: unknown): { response: QueryResponse; servedEntity: string } {
    const { endpoint: stored, level } = this.readable(name, 'CAN_QUERY')
    const now = this.clock.now()
    const endpoint = toDetailed(stored, now, level)
    return recordInvocation(this.invocations, endpoint, body, now, (served) =>
      this.gateway.invoke(endpoint, body, this.caller(), now, (sent) => invokeEndpoint(endpoint, sent, now, served)),
    )
  }

  /** A fault the controls injected on a request: on an invocation it counts in the metrics as that error. */
  noteFault(method: string, path: string, fault: Fault): void {
    const name = /^\/serving-endpoints\/([^/]+)\/invocations\/?$/.exec(path)?.[1]
    const endpoint = method === 'POST' && name ? this.store.find(this.store.read(), decodeURIComponent(name)) : undefined
    if (endpoint) recordFault(this.invocations, toDetailed(endpoint, this.clock.now()), fault.status, this.clock.now())
  }

  /** What an endpoint's metrics are made of (metrics.ts, exposition.ts). */
  metricsSource(name: string): MetricsSource {
    const state = this.store.read()
    const endpoint = toDetailed(this.store.mustFind(state, name), this.clock.now())
    const traffic = this.controls.read().traffic[name]
    return { endpoint, seededAt: state.seeded_at, traffic, log: this.invocations, now: this.clock.now() }
  }

  me(): CurrentUser {
    return { userName: this.caller().user_name }
  }

  ucModels(): { registered_models: RegisteredModel[] } {
    return { registered_models: registeredModels() }
  }

  ucModelVersions(fullName: string): { model_versions: ModelVersion[] } {
    return { model_versions: modelVersions(fullName) }
  }

  // ---- permissions (access.ts) ----

  private byId(state: StoredState, id: string): StoredEndpoint {
    const endpoint = state.endpoints.find((e) => e.id === id)
    if (!endpoint) throw new ControlPlaneError('RESOURCE_DOES_NOT_EXIST', `Serving endpoint with id '${id}' does not exist.`)
    return endpoint
  }

  permissions(id: string): ServingEndpointPermissions {
    const endpoint = this.byId(this.store.read(), id)
    access.requireLevel(endpoint, this.caller(), 'CAN_VIEW')
    return access.permissionsOf(endpoint)
  }

  permissionLevels(id: string) {
    access.requireLevel(this.byId(this.store.read(), id), this.caller(), 'CAN_VIEW')
    return access.permissionLevels()
  }

  /** PUT replaces the grants, PATCH merges them by principal; CAN_MANAGE only. */
  setPermissions(id: string, body: unknown, mode: 'replace' | 'merge'): ServingEndpointPermissions {
    const entries = access.parseAclRequest(body)
    return this.write((state) => {
      const endpoint = this.forWrite(state, this.byId(state, id).name)
      endpoint.acl = access.changeAcl(endpoint, entries, mode, this.caller())
      this.store.save(state, { put: [endpoint] })
      return access.permissionsOf(endpoint)
    })
  }

  optimizationInfo(model: string, version: string) {
    return optimizationInfo(model, version)
  }
}

function taskOf(config: ValidConfig): string | undefined {
  const external = config.served_entities.find((e) => e.external_model)?.external_model
  if (external) return external.task
  // A catalog model's task comes from the catalog; anything else gets none rather than a guess from its name.
  for (const e of config.served_entities) {
    const model = foundationModelFor(e.entity_name)
    if (model) return model.task
  }
  return undefined
}

function foundationModelOf(entityName: string | undefined) {
  const model = PT_MODELS.find((m) => m.name === entityName)
  return model ? { foundation_model: model } : {}
}
