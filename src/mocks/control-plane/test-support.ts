// Builders shared by the control plane's unit tests: a plane over memory storage and a hand-moved clock.
import type { CreateServingEndpoint, ExternalModel, ServedEntityInput } from '../../api/types'
import { manualClock } from './clock'
import { ControlPlane } from './control-plane'
import type { MockControls } from './controls'
import { ControlPlaneError } from './errors'
import { memoryStorage } from './storage'

export const DEPLOY_MS = 1_000
export const UPDATE_MS = 2_000
export const HOUR = 3_600_000

export function setup(controls: Partial<MockControls> = {}) {
  const storage = memoryStorage()
  const clock = manualClock()
  const warnings: string[] = []
  const cp = new ControlPlane({
    storage,
    clock,
    defaults: { latencyMs: 0, deployMs: DEPLOY_MS, updateMs: UPDATE_MS },
    warn: (message) => warnings.push(message),
  })
  if (Object.keys(controls).length > 0) cp.controls.write(controls)
  return { cp, clock, storage, warnings }
}

/** The error a call throws; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): ControlPlaneError {
  try {
    run()
  } catch (error) {
    if (error instanceof ControlPlaneError) return error
    throw error
  }
  throw new Error('Expected a ControlPlaneError, but the call succeeded.')
}

export function openai(config: Record<string, unknown> = { openai_api_key: '{{secrets/team/openai}}' }): ExternalModel {
  return { name: 'gpt-4o', provider: 'openai', task: 'llm/v1/chat', openai_config: config } as ExternalModel
}

export function external(model: ExternalModel = openai(), name = 'chat'): ServedEntityInput {
  return { name, external_model: model }
}

export function custom(version: string, extra: Record<string, unknown> = {}): ServedEntityInput {
  return {
    entity_name: 'main.default.churn_model',
    entity_version: version,
    workload_size: 'Small',
    scale_to_zero_enabled: true,
    ...extra,
  } as ServedEntityInput
}

export function createBody(
  name: string,
  entities: unknown[] = [external()],
  extra: Record<string, unknown> = {},
): CreateServingEndpoint {
  return { name, config: { served_entities: entities as ServedEntityInput[] }, ...extra }
}

/** Creates an endpoint and lets its deployment finish. */
export function createReady(plane: ReturnType<typeof setup>, name: string, entities?: unknown[]) {
  plane.cp.create(createBody(name, entities))
  plane.clock.advance(DEPLOY_MS)
  return plane.cp.get(name)
}
