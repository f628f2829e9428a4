// Saving an edit, as data: which requests to send, in which order, given what the server holds and what was typed.
// The submit hook only runs these steps; the choice of steps is tested here without a server.
import type { AiGatewayConfig, EndpointCoreConfigInput, EndpointTag, RateLimit } from '../../api/types'
import { toGatewayConfig, toLegacyRateLimits } from '../../components/ai-gateway/gateway-values'
import type { EndpointFormValues } from './form-schema'
import { tagDiff, toConfig } from './payload'

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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The requests that bring the server from `before` to `values`, only for parts whose content changed:
 * config, then tags, then the AI gateway: the legacy rate-limits PUT when only rate limits it can
 * carry changed, else the whole gateway (the form holds all of it; a PUT replaces it whole).
 */
export function planEdit(before: EndpointFormValues, values: EndpointFormValues): EditStep[] {
  const steps: EditStep[] = []
  const config = toConfig(values)
  if (!same(config, toConfig(before))) steps.push({ kind: 'config', body: config })
  const tags = tagDiff(before, values)
  if (tags) steps.push({ kind: 'tags', add: tags.add_tags ?? [], remove: tags.delete_tags ?? [] })
  const gateway = toGatewayConfig(values)
  const old = toGatewayConfig(before)
  if (!same(gateway, old)) {
    const legacy = toLegacyRateLimits(values)
    const onlyLimits = same({ ...gateway, rate_limits: [] }, { ...old, rate_limits: [] })
    steps.push(onlyLimits && legacy ? { kind: 'rateLimits', body: legacy } : { kind: 'aiGateway', body: gateway })
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
        rate_limits: values.rate_limits,
        usage_tracking: values.usage_tracking,
        inference_table: values.inference_table,
        guardrails: values.guardrails,
        fallback: values.fallback,
      }
  }
}
