// The Mock controls form: edits localStorage["serving-console.mock"], which the mock reads at every request.
import { zodResolver } from '@hookform/resolvers/zod'
import { useQueryClient } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { Field } from '../components/field'
import { Input, Textarea } from '../components/input'
import { useNotify } from '../components/use-notify'
import { CONTROLS_KEY } from '../lib/mock-keys'
import { z } from '../lib/zod'
import { controlsSchema, describeIssue } from '../mocks/control-plane/controls-schema'
import styles from './developer-menu.module.css'

export const MOCK_CONTROLS_FORM_ID = 'mock-controls-form'

const NUMERIC = ['latencyMs', 'deployMs', 'updateMs', 'extraEndpoints'] as const
const shape = controlsSchema.shape

/** The schema's predicate ("must be …") as a sentence at its field. */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1)

/** A number input's text: empty leaves the control unset (its default applies); else the mock's own bounds. */
function numberText(control: z.core.$ZodType<number | undefined>) {
  return z.string().transform((text, ctx) => {
    if (text.trim() === '') return undefined
    const result = z.safeParse(control, Number(text.trim()))
    if (result.success) return result.data
    ctx.issues.push({ code: 'custom', message: sentence(result.error.issues[0].message), input: text })
    return z.NEVER
  })
}

/**
 * A JSON textarea for one of the mock's controls: empty is `empty`; else JSON the control's own schema
 * takes, its first problem named at `field` as the mock names it.
 */
function jsonText<T>(control: z.core.$ZodType<T | undefined>, field: 'faults' | 'traffic', label: string, empty: NoInfer<T>) {
  return z.string().transform((text, ctx) => {
    if (text.trim() === '') return empty
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      ctx.issues.push({ code: 'custom', message: `${label} must be valid JSON.`, input: text })
      return z.NEVER
    }
    const result = z.safeParse(control, value)
    if (result.success) return result.data ?? empty
    const issue = result.error.issues[0]
    ctx.issues.push({ code: 'custom', message: describeIssue({ ...issue, path: [field, ...issue.path] }).message, input: text })
    return z.NEVER
  })
}

/** The faults textarea: a JSON list the mock's fault schema takes. */
const faultsText = jsonText(shape.faults, 'faults', 'Faults', [])

/** The traffic textarea: a JSON object of endpoint to "off" or requests per minute. */
const trafficText = jsonText(shape.traffic, 'traffic', 'Background traffic', {})

/** Caller and groups: an empty caller leaves the control unset (the current user); groups are comma-separated. */
function callerOf(form: { caller: string; callerGroups: string }) {
  const user_name = form.caller.trim()
  const groups = form.callerGroups
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '')
  return user_name === '' ? undefined : groups.length > 0 ? { user_name, groups } : { user_name }
}

const formSchema = z
  .object({
    latencyMs: numberText(shape.latencyMs),
    deployMs: numberText(shape.deployMs),
    updateMs: numberText(shape.updateMs),
    extraEndpoints: numberText(shape.extraEndpoints),
    failNextDeploy: z.boolean(),
    faults: faultsText,
    caller: z.string(),
    callerGroups: z.string(),
    traffic: trafficText,
  })
  .superRefine((form, ctx) => {
    if (form.caller.trim() === '' && form.callerGroups.trim() !== '') {
      ctx.addIssue({ code: 'custom', path: ['caller'], message: 'Enter the caller whose groups these are.' })
      return
    }
    const result = shape.caller.safeParse(callerOf(form))
    if (!result.success) {
      const issue = result.error.issues[0]
      ctx.addIssue({
        code: 'custom',
        path: [issue.path[0] === 'groups' ? 'callerGroups' : 'caller'],
        message: describeIssue({ ...issue, path: ['caller', ...issue.path] }).message,
      })
    }
  })

type ControlsForm = z.input<typeof formSchema>
type ControlsValues = z.output<typeof formSchema>

function readStored(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function storedCaller(value: unknown): { caller: string; callerGroups: string } {
  const caller = typeof value === 'object' && value !== null ? (value as { user_name?: unknown; groups?: unknown }) : {}
  return {
    caller: typeof caller.user_name === 'string' ? caller.user_name : '',
    callerGroups: Array.isArray(caller.groups) ? caller.groups.filter((g) => typeof g === 'string').join(', ') : '',
  }
}

/** The stored controls as the form shows them, out-of-range values included: saving then says what is wrong. */
function toForm(stored: Record<string, unknown>): ControlsForm {
  const num = (key: string) => (typeof stored[key] === 'number' ? String(stored[key]) : '')
  return {
    latencyMs: num('latencyMs'),
    deployMs: num('deployMs'),
    updateMs: num('updateMs'),
    extraEndpoints: num('extraEndpoints'),
    failNextDeploy: stored.failNextDeploy === true,
    faults: Array.isArray(stored.faults) && stored.faults.length > 0 ? JSON.stringify(stored.faults, null, 2) : '',
    traffic:
      typeof stored.traffic === 'object' && stored.traffic !== null && Object.keys(stored.traffic).length > 0
        ? JSON.stringify(stored.traffic)
        : '',
    ...storedCaller(stored.caller),
  }
}

export function MockControlsForm({ onSaved }: { onSaved: () => void }) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const { register, handleSubmit, formState } = useForm<ControlsForm, unknown, ControlsValues>({
    resolver: zodResolver(formSchema),
    defaultValues: toForm(readStored()),
  })
  const { errors } = formState

  const save = handleSubmit((form) => {
    const next: Record<string, unknown> = { ...readStored() }
    for (const key of NUMERIC) {
      const value = form[key]
      if (value === undefined) delete next[key]
      else next[key] = value
    }
    next.failNextDeploy = form.failNextDeploy
    next.faults = form.faults
    if (Object.keys(form.traffic).length > 0) next.traffic = form.traffic
    else delete next.traffic
    const caller = callerOf(form)
    if (caller) next.caller = caller
    else delete next.caller
    window.localStorage.setItem(CONTROLS_KEY, JSON.stringify(next))
    void queryClient.invalidateQueries()
    notify('Mock controls saved.')
    onSaved()
  })

  return (
    <form id={MOCK_CONTROLS_FORM_ID} onSubmit={(e) => void save(e)} noValidate>
      <Field label="Latency (ms)" error={errors.latencyMs?.message} hint="Delay added to every response (default 150).">
        {(p) => <Input {...p} inputMode="numeric" {...register('latencyMs')} />}
      </Field>
      <Field label="Deploy time (ms)" error={errors.deployMs?.message} hint="From create until Ready (default 8000).">
        {(p) => <Input {...p} inputMode="numeric" {...register('deployMs')} />}
      </Field>
      <Field
        label="Update time (ms)"
        error={errors.updateMs?.message}
        hint="From a config update until it is applied (default 8000)."
      >
        {(p) => <Input {...p} inputMode="numeric" {...register('updateMs')} />}
      </Field>
      <Field
        label="Extra endpoints"
        error={errors.extraEndpoints?.message}
        hint="Synthetic endpoints added to the list, for scale."
      >
        {(p) => <Input {...p} inputMode="numeric" {...register('extraEndpoints')} />}
      </Field>
      <label className={styles.checkbox}>
        <input type="checkbox" {...register('failNextDeploy')} />
        Fail the next deploy or config update
      </label>
      <Field
        label="Faults (JSON)"
        error={errors.faults?.message}
        hint={'For example [{"method":"POST","path":"/api/2.0/serving-endpoints","status":503,"times":1}]'}
      >
        {(p) => <Textarea {...p} spellCheck={false} {...register('faults')} />}
      </Field>
      <Field
        label="Background traffic (JSON)"
        error={errors.traffic?.message}
        hint={'Metrics: per endpoint "off" or requests per minute, for example {"churn-predictor":"off","my-endpoint":30}'}
      >
        {(p) => <Textarea {...p} spellCheck={false} {...register('traffic')} />}
      </Field>
      <Field
        label="Caller"
        error={errors.caller?.message}
        hint="Who the mock treats as signed in: a user name or service principal ID (empty: ada.lovelace@example.com)."
      >
        {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...register('caller')} />}
      </Field>
      <Field label="Caller's groups" error={errors.callerGroups?.message} hint="Comma-separated, e.g. support, admins." optional>
        {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...register('callerGroups')} />}
      </Field>
    </form>
  )
}
