// Saving an edit, as data: which requests to send, in which order, given what the server holds and what was typed.
// The submit hook only runs these steps; the choice of steps is tested here without a server.
import type { AiGatewayConfig, AiGatewayRateLimit, EndpointCoreConfigInput, EndpointTag, RateLimit } from '../../api/types'
import type { EndpointFormValues } from './form-schema'
import { tagDiff, toAiGateway, toConfig, toRateLimits } from './payload'

export type EditStep =
  | { kind: 'config'; body: EndpointCoreConfigInput }
  | { kind: 'tags'; add: EndpointTag[]; remove: string[] }
  | { kind: 'rateLimits'; body: RateLimit[] }
  | { kind: 'aiGateway'; body: AiGatewayConfig }

export type EditStepKind = EditStep['kind']

/** How a step is named in "… were saved; … were not" (plural nouns). */
export const STEP_PART: Record<EditStepKind, string> = {
  config: 'the served entities',
  tags: 'the tags',
  rateLimits: 'the rate limits',
  aiGateway: 'the AI Gateway settings',
}

/** The limits the form edits (calls per minute, per user or per endpoint); the gateway may hold others. */
const isFormLimit = (r: AiGatewayRateLimit) =>
  (r.key === 'user' || r.key === 'endpoint') && r.calls !== undefined && r.tokens === undefined && !r.principal

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The requests that bring the server from `before` to `values`, only for parts whose content changed:
 * config, then tags, then either the whole AI gateway (which carries the rate limits along) or the rate limits alone.
 * `gateway` is the gateway the server holds: a PUT replaces it whole, so guardrails, fallbacks and limits
 * the form does not show are carried along.
 */
export function planEdit(before: EndpointFormValues, values: EndpointFormValues, gateway?: AiGatewayConfig): EditStep[] {
  const steps: EditStep[] = []
  const config = toConfig(values)
  if (!same(config, toConfig(before))) steps.push({ kind: 'config', body: config })
  const tags = tagDiff(before, values)
  if (tags) steps.push({ kind: 'tags', add: tags.add_tags ?? [], remove: tags.delete_tags ?? [] })
  const limits = toRateLimits(values)
  if (!same(toAiGateway(values), toAiGateway(before))) {
    const others = (gateway?.rate_limits ?? []).filter((r) => !isFormLimit(r))
    steps.push({ kind: 'aiGateway', body: { ...toAiGateway(values, gateway), rate_limits: [...limits, ...others] } })
  } else if (!same(limits, toRateLimits(before))) {
    steps.push({ kind: 'rateLimits', body: limits })
  }
  return steps
}

/** What the server holds once `step` succeeded: the form fields that step sent, taken from `values`. */
export function afterStep(saved: EndpointFormValues, values: EndpointFormValues, kind: EditStepKind): EndpointFormValues {
  switch (kind) {
    case 'config':
      return { ...saved, entities: values.entities }
    case 'tags':
      return { ...saved, tags: values.tags }
    case 'rateLimits':
      return { ...saved, rate_limits: values.rate_limits }
    case 'aiGateway':
      return {
        ...saved,
        usage_tracking: values.usage_tracking,
        inference_table: values.inference_table,
        rate_limits: values.rate_limits,
      }
  }
}
