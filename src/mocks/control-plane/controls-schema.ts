// The mock controls' one schema, read by the control plane (PUT /__mock/controls and the stored
// controls), the Developer menu's Mock controls form and the e2e fixtures. Messages are predicates
// ("must be …") so that each reader can put the field's name or label in front.
import { z } from '../../lib/zod-mini'

/**
 * Upper bounds, so that no stored value can hang or flood the mock: a latency is added to every
 * request (and persists across restarts of the HTTP mock server), extra endpoints are built per list.
 */
const CONTROL_BOUNDS = {
  latencyMs: 60_000,
  deployMs: 86_400_000,
  updateMs: 86_400_000,
  extraEndpoints: 20_000,
  faults: 100,
  trafficEndpoints: 1_000,
  trafficRpm: 10_000,
} as const

function milliseconds(max: number) {
  const error = `must be a number of milliseconds from 0 to ${max}.`
  return z.number({ error }).check(z.minimum(0, { error }), z.maximum(max, { error }))
}

const wholeNumber = (max: number) => {
  const error = `must be a whole number from 0 to ${max}.`
  return z.int({ error }).check(z.minimum(0, { error }), z.maximum(max, { error }))
}

const HTTP_ERROR = 'must be an HTTP error status from 400 to 599.'
const TIMES = 'must be a whole number of 0 or more.'

export const faultSchema = z
  .strictObject({
    method: z.optional(
      z.pipe(
        z.string({ error: 'must be an HTTP method or *.' }),
        z.transform((method: string) => method.toUpperCase()),
      ),
    ),
    path: z
      .string({ error: 'must be a path, or a prefix ending in *.' })
      .check(z.minLength(1, { error: 'must be a path, or a prefix ending in *.' })),
    /** An HTTP error status: anything else would not read as a failure (or not as HTTP at all). */
    status: z.optional(
      z.int({ error: HTTP_ERROR }).check(z.minimum(400, { error: HTTP_ERROR }), z.maximum(599, { error: HTTP_ERROR })),
    ),
    network: z.optional(z.boolean({ error: 'must be true or false.' })),
    times: z.optional(z.int({ error: TIMES }).check(z.minimum(0, { error: TIMES }))),
  })
  .check(
    z.refine((fault) => fault.status !== undefined || fault.network === true, {
      error: 'needs a status (400–599) or network: true.',
    }),
  )

const PRINCIPAL = 'must be a user name (1 to 256 characters).'
const GROUPS = 'must be a list of at most 50 group names.'

/** Who the mock treats as the caller (access.ts): a user or service principal, and the groups it is in. */
export const callerSchema = z.strictObject({
  user_name: z
    .string({ error: PRINCIPAL })
    .check(z.trim(), z.minLength(1, { error: PRINCIPAL }), z.maxLength(256, { error: PRINCIPAL })),
  groups: z.optional(
    z
      .array(
        z.string({ error: GROUPS }).check(z.trim(), z.minLength(1, { error: GROUPS }), z.maxLength(256, { error: GROUPS })),
        {
          error: GROUPS,
        },
      )
      .check(z.maxLength(50, { error: GROUPS })),
  ),
})

const FAULTS = `must be a list of at most ${CONTROL_BOUNDS.faults} faults.`

const TRAFFIC = `must be an object of at most ${CONTROL_BOUNDS.trafficEndpoints} endpoint names, each "off" or requests per minute from 0 to ${CONTROL_BOUNDS.trafficRpm}.`
const RATE = `must be "off" or requests per minute from 0 to ${CONTROL_BOUNDS.trafficRpm}.`
const trafficRate = z.union(
  [
    z.literal('off', { error: RATE }),
    z.number({ error: RATE }).check(z.minimum(0, { error: RATE }), z.maximum(CONTROL_BOUNDS.trafficRpm, { error: RATE })),
  ],
  { error: RATE },
)
const trafficSchema = z
  .record(z.string(), trafficRate, { error: TRAFFIC })
  .check(z.refine((traffic) => Object.keys(traffic).length <= CONTROL_BOUNDS.trafficEndpoints, { error: TRAFFIC }))

export const controlsSchema = z.strictObject({
  latencyMs: z.optional(milliseconds(CONTROL_BOUNDS.latencyMs)),
  deployMs: z.optional(milliseconds(CONTROL_BOUNDS.deployMs)),
  updateMs: z.optional(milliseconds(CONTROL_BOUNDS.updateMs)),
  failNextDeploy: z.optional(z.boolean({ error: 'must be true or false.' })),
  extraEndpoints: z.optional(wholeNumber(CONTROL_BOUNDS.extraEndpoints)),
  faults: z.optional(z.array(faultSchema, { error: FAULTS }).check(z.maxLength(CONTROL_BOUNDS.faults, { error: FAULTS }))),
  /** Background traffic per endpoint (metrics): "off", or requests per minute on average; unset keeps the seeded default. */
  traffic: z.optional(trafficSchema),
  caller: z.optional(callerSchema),
})

/** What a client may send or store: every control optional. */
export type MockControlsInput = z.input<typeof controlsSchema>
export type Fault = z.output<typeof faultSchema>
/** The controls in force: every control set (stored, or the default). */
export type MockControls = Required<z.output<typeof controlsSchema>>

const CONTROL_NAMES = Object.keys(controlsSchema.shape) as (keyof MockControls)[]

/** `faults[0].status` for the path ['faults', 0, 'status']. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`),
    '',
  )
}

/** One problem with a set of controls: the field at fault and a sentence that names it. */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const at = fieldOf(issue.path)
  if (issue.code === 'unrecognized_keys') {
    const field = at === '' ? issue.keys[0] : `${at}.${issue.keys[0]}`
    const message =
      at === '' ? `${field} is not a mock control (known: ${CONTROL_NAMES.join(', ')}).` : `${field} is not a fault field.`
    return { field, message }
  }
  return { field: at, message: `${at} ${issue.message}` }
}
