// The AI Gateway as form values, its checks, and the wire shape both ways. One source of truth for the
// create/edit form and the details page's AI Gateway dialog. Numbers stay strings while typed.
import type {
  AiGatewayConfig,
  AiGatewayRateLimit,
  AiGatewayRateLimitKey,
  GuardrailParameters,
  PiiBehavior,
  RateLimit,
} from '../../api/types'
import type { Path } from 'react-hook-form'
import { z } from '../../lib/zod'

export interface RateLimitRow {
  calls: string
  tokens: string
  key: AiGatewayRateLimitKey
  /** The user group's name or the service principal's application ID (those keys only). */
  principal: string
}

export interface GuardrailValues {
  safety: boolean
  pii: PiiBehavior
  /** One per line (or comma-separated). */
  invalid_keywords: string
  valid_topics: string
}

export interface GatewayValues {
  rate_limits: RateLimitRow[]
  usage_tracking: boolean
  inference_table: { enabled: boolean; catalog: string; schema: string; prefix: string }
  guardrails: { input: GuardrailValues; output: GuardrailValues }
  fallback: boolean
}

export const RATE_LIMIT_KEYS: readonly { value: AiGatewayRateLimitKey; label: string }[] = [
  { value: 'user', label: 'Per user' },
  { value: 'endpoint', label: 'Per endpoint' },
  { value: 'user_group', label: 'Per user group' },
  { value: 'service_principal', label: 'Per service principal' },
]

export const PII_BEHAVIORS: readonly { value: PiiBehavior; label: string }[] = [
  { value: 'NONE', label: 'None' },
  { value: 'BLOCK', label: 'Block' },
  { value: 'MASK', label: 'Mask' },
]

export const needsPrincipal = (key: AiGatewayRateLimitKey) => key === 'user_group' || key === 'service_principal'

export const NEW_RATE_LIMIT: RateLimitRow = { calls: '', tokens: '', key: 'user', principal: '' }

const NO_GUARDRAIL: GuardrailValues = { safety: false, pii: 'NONE', invalid_keywords: '', valid_topics: '' }

export const EMPTY_GATEWAY: GatewayValues = {
  rate_limits: [],
  usage_tracking: false,
  inference_table: { enabled: false, catalog: '', schema: '', prefix: '' },
  guardrails: { input: NO_GUARDRAIL, output: NO_GUARDRAIL },
  fallback: false,
}

export const RATE_LIMIT_MESSAGE = 'Rate limits must be non-negative integers'
/** Beyond this, Number() rounds what was typed (or makes it Infinity, which JSON sends as null). */
export const RATE_LIMIT_MAX_MESSAGE = `Rate limits must be at most ${Number.MAX_SAFE_INTEGER}.`
export const RATE_LIMIT_EMPTY_MESSAGE = 'Enter calls per minute, tokens per minute, or both.'
export const PRINCIPAL_MESSAGES: Record<'user_group' | 'service_principal', string> = {
  user_group: 'Enter the name of the user group.',
  service_principal: 'Enter the application ID of the service principal.',
}
const WHOLE = /^\d+$/

/** '' (not set), or a whole number a JSON number carries exactly. */
const amount = z
  .string()
  .trim()
  .refine((v) => v === '' || WHOLE.test(v), RATE_LIMIT_MESSAGE)
  .refine((v) => !WHOLE.test(v) || Number.isSafeInteger(Number(v)), RATE_LIMIT_MAX_MESSAGE)

const guardrailSchema = z.object({
  safety: z.boolean(),
  pii: z.enum(['NONE', 'BLOCK', 'MASK']),
  invalid_keywords: z.string().max(10_000, 'Keep the keywords under 10,000 characters.'),
  valid_topics: z.string().max(10_000, 'Keep the topics under 10,000 characters.'),
})

/** The gateway fields of a zod object; spread into the form's schema, or used alone by the dialog. */
export const gatewayShape = {
  rate_limits: z.array(
    z.object({
      calls: amount,
      tokens: amount,
      key: z.enum(['user', 'endpoint', 'user_group', 'service_principal']),
      principal: z.string(),
    }),
  ),
  usage_tracking: z.boolean(),
  inference_table: z.object({ enabled: z.boolean(), catalog: z.string(), schema: z.string(), prefix: z.string() }),
  guardrails: z.object({ input: guardrailSchema, output: guardrailSchema }),
  fallback: z.boolean(),
}

/** The checks across fields: a limit needs calls or tokens, a group its name, an inference table its place. */
export function checkGateway(values: GatewayValues, ctx: z.RefinementCtx): void {
  values.rate_limits.forEach((limit, i) => {
    if (limit.calls.trim() === '' && limit.tokens.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['rate_limits', i, 'calls'], message: RATE_LIMIT_EMPTY_MESSAGE })
    }
    if ((limit.key === 'user_group' || limit.key === 'service_principal') && limit.principal.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['rate_limits', i, 'principal'], message: PRINCIPAL_MESSAGES[limit.key] })
    }
  })
  const table = values.inference_table
  if (!table.enabled) return
  if (table.catalog.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['inference_table', 'catalog'], message: 'Enter the catalog for the inference table.' })
  }
  if (table.schema.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['inference_table', 'schema'], message: 'Enter the schema for the inference table.' })
  }
}

export const gatewaySchema: z.ZodType<GatewayValues, GatewayValues> = z.object(gatewayShape).superRefine(checkGateway)

// ---- wire → values ----

const listText = (items: string[] | undefined) => (items ?? []).join('\n')

function guardrailValuesOf(params: GuardrailParameters | undefined): GuardrailValues {
  return {
    safety: params?.safety ?? false,
    pii: params?.pii?.behavior ?? 'NONE',
    invalid_keywords: listText(params?.invalid_keywords),
    valid_topics: listText(params?.valid_topics),
  }
}

export function gatewayValuesOf(gateway: AiGatewayConfig | undefined): GatewayValues {
  const table = gateway?.inference_table_config
  return {
    rate_limits: (gateway?.rate_limits ?? []).map((r) => ({
      calls: r.calls !== undefined ? String(r.calls) : '',
      tokens: r.tokens !== undefined ? String(r.tokens) : '',
      key: r.key,
      principal: r.principal ?? '',
    })),
    usage_tracking: gateway?.usage_tracking_config?.enabled ?? false,
    inference_table: {
      enabled: table?.enabled ?? false,
      catalog: table?.catalog_name ?? '',
      schema: table?.schema_name ?? '',
      prefix: table?.table_name_prefix ?? '',
    },
    guardrails: { input: guardrailValuesOf(gateway?.guardrails?.input), output: guardrailValuesOf(gateway?.guardrails?.output) },
    fallback: gateway?.fallback_config?.enabled ?? false,
  }
}

// ---- values → wire ----

/** Keywords and topics: one per line or comma-separated, trimmed, blanks dropped. */
export const splitList = (text: string) =>
  text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')

export function toGatewayRateLimits(values: Pick<GatewayValues, 'rate_limits'>): AiGatewayRateLimit[] {
  return values.rate_limits.map((r) => {
    const limit: AiGatewayRateLimit = { key: r.key, renewal_period: 'minute' }
    if (r.calls.trim() !== '') limit.calls = Number(r.calls)
    if (r.tokens.trim() !== '') limit.tokens = Number(r.tokens)
    if (needsPrincipal(r.key)) limit.principal = r.principal.trim()
    return limit
  })
}

/** The limits as the legacy rate-limits API has them, or undefined if one of them needs the gateway. */
export function toLegacyRateLimits(values: Pick<GatewayValues, 'rate_limits'>): RateLimit[] | undefined {
  const limits = toGatewayRateLimits(values)
  const legacy: RateLimit[] = []
  for (const l of limits) {
    if ((l.key !== 'user' && l.key !== 'endpoint') || l.calls === undefined || l.tokens !== undefined) return undefined
    legacy.push({ calls: l.calls, key: l.key, renewal_period: 'minute' })
  }
  return legacy
}

function toGuardrail(values: GuardrailValues): GuardrailParameters | undefined {
  const params: GuardrailParameters = {}
  if (values.safety) params.safety = true
  if (values.pii !== 'NONE') params.pii = { behavior: values.pii }
  const keywords = splitList(values.invalid_keywords)
  if (keywords.length > 0) params.invalid_keywords = keywords
  const topics = splitList(values.valid_topics)
  if (topics.length > 0) params.valid_topics = topics
  return Object.keys(params).length > 0 ? params : undefined
}

/** The whole AI Gateway config for PUT ai-gateway (which replaces it): every part the form holds. */
export function toGatewayConfig(values: GatewayValues): AiGatewayConfig {
  const t = values.inference_table
  const table: NonNullable<AiGatewayConfig['inference_table_config']> = { enabled: t.enabled }
  if (t.enabled) {
    table.catalog_name = t.catalog.trim()
    table.schema_name = t.schema.trim()
    if (t.prefix.trim() !== '') table.table_name_prefix = t.prefix.trim()
  }
  const config: AiGatewayConfig = {
    usage_tracking_config: { enabled: values.usage_tracking },
    inference_table_config: table,
    rate_limits: toGatewayRateLimits(values),
  }
  const input = toGuardrail(values.guardrails.input)
  const output = toGuardrail(values.guardrails.output)
  if (input || output) config.guardrails = { ...(input && { input }), ...(output && { output }) }
  config.fallback_config = { enabled: values.fallback }
  return config
}

/** Whether the values set anything beyond the defaults (a create sends ai_gateway only then). */
export function hasGatewaySettings(values: GatewayValues): boolean {
  const config = toGatewayConfig(values)
  return values.usage_tracking || values.inference_table.enabled || values.fallback || config.guardrails !== undefined
}

// ---- server errors ----

const TABLE_FIELDS = { catalog_name: 'catalog', schema_name: 'schema', table_name_prefix: 'prefix' } as const

/** The field of a server error about the gateway (`ai_gateway.…` or a legacy `rate_limits[i]…` path), if it has one. */
export function gatewayFieldOf(field: string): Path<GatewayValues> | undefined {
  const limit = /^(?:ai_gateway\.)?rate_limits\[(\d+)\]\.?(tokens|principal|key)?/.exec(field)
  if (limit) {
    const part = limit[2] === 'tokens' || limit[2] === 'principal' || limit[2] === 'key' ? limit[2] : 'calls'
    return `rate_limits.${Number(limit[1])}.${part}`
  }
  const guardrail = /^ai_gateway\.guardrails\.(input|output)\.(invalid_keywords|valid_topics|pii)/.exec(field)
  if (guardrail) {
    const side = guardrail[1] === 'input' ? 'input' : 'output'
    const part = guardrail[2] as keyof GuardrailValues
    return `guardrails.${side}.${part}`
  }
  const table = /^ai_gateway\.inference_table_config\.(catalog_name|schema_name|table_name_prefix)$/.exec(field)
  if (table) return `inference_table.${TABLE_FIELDS[table[1] as keyof typeof TABLE_FIELDS]}`
  return undefined
}
