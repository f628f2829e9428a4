// Endpoint rules every feature reads the same way: which endpoints are pay-per-token, how a task and a
// served entity read, and why an endpoint cannot be edited. One copy, so the list, the details page and
// the edit form cannot disagree.
import type { EndpointTask, ServedEntitySpec, ServingEndpoint } from '../api/types'
import { RESERVED_PREFIX } from './names'
import { TASK_LABELS, providerLabel } from './provider-labels'

/**
 * Pay-per-token Foundation Model API endpoints: provisioned by Databricks, pinned first in the list,
 * read-only. Real workspaces mark them `FOUNDATION_MODEL_API`; the reserved `databricks-` name prefix
 * (no one else may use it) identifies them when that wire extra is missing.
 */
export function isPayPerToken(endpoint: Pick<ServingEndpoint, 'endpoint_type'> & { name?: string }): boolean {
  return endpoint.endpoint_type === 'FOUNDATION_MODEL_API' || (endpoint.name?.startsWith(RESERVED_PREFIX) ?? false)
}

/** An endpoint's task as shown; endpoints without one serve a custom model. */
export function taskLabel(task: EndpointTask | undefined): string {
  if (!task) return 'Custom model'
  return task in TASK_LABELS ? TASK_LABELS[task as keyof typeof TASK_LABELS] : task
}

/**
 * One served entity on one line: "OpenAI · gpt-4o" (with `withTask`, "OpenAI · gpt-4o · Chat"),
 * a foundation model's display name, or "main.default.churn_model · version 3".
 */
export function servedEntitySummary(entity: ServedEntitySpec, { withTask = false } = {}): string {
  const external = entity.external_model
  if (external) {
    const parts = [providerLabel(external), external.name]
    if (withTask) parts.push(TASK_LABELS[external.task] ?? external.task)
    return parts.join(' · ')
  }
  const name = entity.foundation_model
    ? entity.foundation_model.display_name || entity.foundation_model.name
    : (entity.entity_name ?? entity.name)
  return entity.entity_version ? `${name} · version ${entity.entity_version}` : name
}

/** Why Edit is unavailable while another config update is still rolling out. */
export const EDIT_LOCKED_REASON = 'Cannot edit endpoint when pending update is in progress.'
