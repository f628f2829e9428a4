// The create/edit form's values and schema. Numbers stay strings while typed; the schema checks them.
import { z } from '../../lib/zod'
import type { WorkloadSize, WorkloadType } from '../../api/types'
import { EMPTY_GATEWAY, checkGateway, gatewayShape, type GatewayValues } from '../../components/ai-gateway/gateway-values'
import { PT_UNIT_STEP } from '../../lib/foundation-models'
import { endpointNameProblem, envVarNameProblem } from '../../lib/names'
import { SECRET_REFERENCE, SECRET_REFERENCE_HINT } from '../../lib/providers'
import type { EntityChoice } from './entity-schema'
import { servedName } from './served-name'

export const WORKLOAD_TYPES: readonly { value: WorkloadType; label: string }[] = [
  { value: 'CPU', label: 'CPU' },
  { value: 'GPU_SMALL', label: 'GPU Small' },
  { value: 'GPU_MEDIUM', label: 'GPU Medium' },
  { value: 'GPU_LARGE', label: 'GPU Large' },
  { value: 'MULTIGPU_MEDIUM', label: 'Multi-GPU Medium' },
]

export const WORKLOAD_SIZES: readonly { value: WorkloadSize; label: string }[] = [
  { value: 'Small', label: 'Small · 0–4 concurrent requests' },
  { value: 'Medium', label: 'Medium · 8–16 concurrent requests' },
  { value: 'Large', label: 'Large · 16–64 concurrent requests' },
]

export interface EntityRow {
  entity: EntityChoice | null
  /** The name the person set (Served entity name); '' means derived from the model, following it. */
  served_name: string
  /** Edit only: the entity's name on the server, which its stored plain-text secrets belong to. */
  server_name: string
  workload_type: WorkloadType
  workload_size: WorkloadSize
  scale_to_zero: boolean
  traffic: string
  units: string
  /** Custom models only: variables set in the model's container (values may be secret references). */
  env: EnvVarRow[]
}

export interface EnvVarRow {
  name: string
  value: string
}

export interface TagRow {
  key: string
  value: string
}

/** The AI Gateway's fields (rate limits included) are the shared GatewayValues, at the top level. */
export interface EndpointFormValues extends GatewayValues {
  name: string
  entities: EntityRow[]
  tags: TagRow[]
  route_optimized: boolean
}

export const UNITS_MAX_MESSAGE = `Model units must be at most ${Number.MAX_SAFE_INTEGER}.`
const WHOLE = /^\d+$/

export const newEntityRow = (traffic = '100'): EntityRow => ({
  entity: null,
  served_name: '',
  server_name: '',
  workload_type: 'CPU',
  workload_size: 'Small',
  scale_to_zero: true,
  traffic,
  units: String(PT_UNIT_STEP),
  env: [],
})

export const EMPTY_FORM: EndpointFormValues = {
  name: '',
  ...EMPTY_GATEWAY,
  entities: [newEntityRow()],
  tags: [],
  route_optimized: false,
}

const rowSchema = z.object({
  entity: z.custom<EntityChoice | null>().refine((e) => e !== null, 'Select an entity.'),
  served_name: z.string(),
  server_name: z.string(),
  workload_type: z.enum(WORKLOAD_TYPES.map((t) => t.value)),
  workload_size: z.enum(WORKLOAD_SIZES.map((s) => s.value)),
  scale_to_zero: z.boolean(),
  traffic: z.string(),
  units: z.string(),
  env: z.array(z.object({ name: z.string(), value: z.string() })),
})

/** Name rules are the server's (src/lib/names.ts); edit mode skips them (the name is read-only). */
export function endpointFormSchema(mode: 'create' | 'edit'): z.ZodType<EndpointFormValues, EndpointFormValues> {
  return z
    .object({
      name: z.string().superRefine((name, ctx) => {
        const problem = mode === 'create' ? endpointNameProblem(name) : undefined
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
      entities: z.array(rowSchema).min(1, 'Add at least one served entity.'),
      ...gatewayShape,
      tags: z.array(
        z.object({
          key: z.string().trim().min(1, 'Enter a tag key.').max(255, 'Tag keys are at most 255 characters.'),
          value: z.string().max(255, 'Tag values are at most 255 characters.'),
        }),
      ),
      route_optimized: z.boolean(),
    })
    .superRefine((values, ctx) => {
      checkEntities(values.entities, ctx)
      const seen = new Set<string>()
      values.tags.forEach((tag, i) => {
        const key = tag.key.trim()
        if (key !== '' && seen.has(key)) {
          ctx.addIssue({ code: 'custom', path: ['tags', i, 'key'], message: `Tag "${key}" is already set above.` })
        }
        seen.add(key)
      })
      checkGateway(values, ctx)
    })
}

function checkEntities(rows: EntityRow[], ctx: z.RefinementCtx) {
  const issue = (i: number, field: keyof EntityRow, message: string) =>
    ctx.addIssue({ code: 'custom', path: ['entities', i, field], message })
  const external = rows.findIndex((r) => r.entity?.kind === 'external')
  if (external >= 0 && rows.length > 1) {
    issue(external, 'entity', 'An endpoint that serves an external model has exactly one served entity. Remove the other rows.')
  }
  const names = new Map<string, number>()
  rows.forEach((row, i) => {
    if (!row.entity) return
    const name = servedName(row)
    if (names.has(name)) issue(i, 'entity', `Served entity "${name}" is already in row ${(names.get(name) ?? 0) + 1}.`)
    names.set(name, i)
    if (row.entity.kind === 'uc') checkEnv(row.env, i, ctx)
    if (row.entity.kind === 'pt') {
      const units = Number(row.units)
      const whole = WHOLE.test(row.units.trim())
      if (whole && !Number.isSafeInteger(units)) issue(i, 'units', UNITS_MAX_MESSAGE)
      else if (!whole || units <= 0 || units % PT_UNIT_STEP !== 0) {
        issue(i, 'units', `Model units must be a positive multiple of ${PT_UNIT_STEP}.`)
      }
    }
  })
  if (rows.length < 2) return
  let sum = 0
  let whole = true
  rows.forEach((row, i) => {
    const value = row.traffic.trim()
    if (!WHOLE.test(value) || Number(value) > 100) {
      whole = false
      issue(i, 'traffic', 'Traffic must be a whole number from 0 to 100.')
    } else sum += Number(value)
  })
  if (whole && sum !== 100) {
    rows.forEach((_, i) => issue(i, 'traffic', `Traffic must add up to 100% (now ${sum}%).`))
  }
}

function checkEnv(env: EnvVarRow[], row: number, ctx: z.RefinementCtx) {
  const issue = (i: number, field: keyof EnvVarRow, message: string) =>
    ctx.addIssue({ code: 'custom', path: ['entities', row, 'env', i, field], message })
  const seen = new Set<string>()
  env.forEach((variable, i) => {
    const name = variable.name.trim()
    const problem = envVarNameProblem(name)
    if (problem) issue(i, 'name', problem)
    else if (seen.has(name)) issue(i, 'name', `Variable "${name}" is already set above.`)
    seen.add(name)
    const value = variable.value.trim()
    if (value.startsWith('{{') && !SECRET_REFERENCE.test(value)) issue(i, 'value', SECRET_REFERENCE_HINT)
  })
}
