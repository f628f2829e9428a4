// Build and server logs for a served entity, derived from its state.
import type { ServedEntityOutput, ServingEndpointDetailed } from '../../api/types'
import { ControlPlaneError } from './errors'

const iso = (ms: number) => new Date(ms).toISOString()

type Line = [at: number, text: string]

/** Log lines never come from the future: a build still running shows the steps reached so far, and a
 * rollout that ended sooner than the scripted steps (short `deployMs`) has its steps squeezed before now. */
function render(lines: readonly Line[], now: number, running: boolean): string {
  const shown = running ? lines.filter(([at]) => at <= now) : lines.map(([at, text]): Line => [Math.min(at, now), text])
  return shown.map(([at, text]) => `${iso(at)} ${text}`).join('\n') + (shown.length > 0 ? '\n' : '')
}

export function buildLogs(entity: ServedEntityOutput, now: number): string {
  const t = entity.creation_timestamp
  if (entity.external_model) {
    return render(
      [[t, `External model ${entity.external_model.provider}/${entity.external_model.name}: no container to build.`]],
      now,
      false,
    )
  }
  const lines: Line[] = [
    [t, `Resolving model ${entity.entity_name ?? entity.name} version ${entity.entity_version ?? '1'}`],
    [t + 4_000, 'Downloading model artifacts (412 MB)'],
    [t + 21_000, 'Building container image from python:3.11-slim'],
    [t + 33_000, 'Installing requirements: mlflow==2.22.0 scikit-learn==1.5.2 pandas==2.2.3'],
  ]
  const deployment = entity.state.deployment
  if (deployment === 'DEPLOYMENT_FAILED') {
    lines.push(
      [t + 61_000, 'ERROR: Could not find a version that satisfies the requirement torch==9.9.9'],
      [t + 61_500, 'ERROR: pip exited with status 1'],
      [t + 62_000, 'Container build failed.'],
    )
  } else if (deployment === 'DEPLOYMENT_READY') {
    lines.push([t + 74_000, `Image built: sha256:${entity.name.length.toString(16).padStart(4, '0')}c0ffee`])
  } else if (deployment === 'DEPLOYMENT_ABORTED') {
    lines.push([t + 40_000, 'Build aborted: the update was canceled.'])
  }
  return render(lines, now, deployment === 'DEPLOYMENT_CREATING')
}

export function serverLogs(entity: ServedEntityOutput, now: number): string {
  const deployment = entity.state.deployment
  if (deployment === 'DEPLOYMENT_CREATING') return `${iso(now)} Waiting for the container to start…\n`
  if (deployment === 'DEPLOYMENT_FAILED' || deployment === 'DEPLOYMENT_ABORTED') {
    return `${iso(now)} No server is running for this served entity.\n`
  }
  const start = Math.max(entity.creation_timestamp, now - 10 * 60_000)
  const lines: Line[] = [
    [start, '[INFO] Starting model server (4 workers)'],
    [start + 2_000, '[INFO] Model loaded; listening on :8080'],
  ]
  for (let i = 1; i <= 5; i++) {
    lines.push([start + i * 60_000, `[INFO] POST /invocations 200 ${(37 + ((i * 17) % 40)).toString()}ms`])
  }
  // A server that started moments ago has logged only what happened so far.
  return render(lines, now, true)
}

/** The logs of one served entity of an endpoint, pending or active. */
export function entityLogs(endpoint: ServingEndpointDetailed, served: string, kind: 'build' | 'server', now: number): string {
  const entities = [...(endpoint.pending_config?.served_entities ?? []), ...(endpoint.config?.served_entities ?? [])]
  const entity = entities.find((e) => e.name === served)
  if (!entity) {
    throw new ControlPlaneError(
      'RESOURCE_DOES_NOT_EXIST',
      `Served entity '${served}' does not exist in serving endpoint '${endpoint.name}'.`,
    )
  }
  return kind === 'build' ? buildLogs(entity, now) : serverLogs(entity, now)
}
