// The Mock controls form: edits localStorage["serving-console.mock"], which the mock reads at every request.
import { useQueryClient } from '@tanstack/react-query'
import { useForm } from 'react-hook-form'
import { Field } from '../components/field'
import { Input, Textarea } from '../components/input'
import { useNotify } from '../components/use-notify'
import { CONTROLS_KEY } from '../lib/mock-keys'
import styles from './developer-menu.module.css'

export const MOCK_CONTROLS_FORM_ID = 'mock-controls-form'

interface ControlsForm {
  latencyMs: string
  deployMs: string
  updateMs: string
  extraEndpoints: string
  failNextDeploy: boolean
  faults: string
}

function readStored(): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(CONTROLS_KEY) ?? '{}')
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function toForm(stored: Record<string, unknown>): ControlsForm {
  const num = (key: string) => (typeof stored[key] === 'number' ? String(stored[key]) : '')
  return {
    latencyMs: num('latencyMs'),
    deployMs: num('deployMs'),
    updateMs: num('updateMs'),
    extraEndpoints: num('extraEndpoints'),
    failNextDeploy: stored.failNextDeploy === true,
    faults: Array.isArray(stored.faults) && stored.faults.length > 0 ? JSON.stringify(stored.faults, null, 2) : '',
  }
}

const numberRule = {
  validate: (v: string) => v === '' || (/^\d+$/.test(v) ? true : 'Enter a whole number of 0 or more, or leave empty.'),
}

function validateFaults(v: string): true | string {
  if (v.trim() === '') return true
  try {
    return Array.isArray(JSON.parse(v)) ? true : 'Faults must be a JSON list.'
  } catch {
    return 'Faults must be valid JSON.'
  }
}

export function MockControlsForm({ onSaved }: { onSaved: () => void }) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const { register, handleSubmit, formState } = useForm<ControlsForm>({ defaultValues: toForm(readStored()) })
  const { errors } = formState

  const save = handleSubmit((form) => {
    const next: Record<string, unknown> = { ...readStored() }
    for (const key of ['latencyMs', 'deployMs', 'updateMs', 'extraEndpoints'] as const) {
      if (form[key] === '') delete next[key]
      else next[key] = Number(form[key])
    }
    next.failNextDeploy = form.failNextDeploy
    next.faults = form.faults.trim() === '' ? [] : (JSON.parse(form.faults) as unknown)
    window.localStorage.setItem(CONTROLS_KEY, JSON.stringify(next))
    void queryClient.invalidateQueries()
    notify('Mock controls saved.')
    onSaved()
  })

  return (
    <form id={MOCK_CONTROLS_FORM_ID} onSubmit={(e) => void save(e)} noValidate>
      <Field label="Latency (ms)" error={errors.latencyMs?.message} hint="Delay added to every response (default 150).">
        {(p) => <Input {...p} inputMode="numeric" {...register('latencyMs', numberRule)} />}
      </Field>
      <Field label="Deploy time (ms)" error={errors.deployMs?.message} hint="From create until Ready (default 8000).">
        {(p) => <Input {...p} inputMode="numeric" {...register('deployMs', numberRule)} />}
      </Field>
      <Field label="Update time (ms)" error={errors.updateMs?.message} hint="From a config update until it is applied (default 8000).">
        {(p) => <Input {...p} inputMode="numeric" {...register('updateMs', numberRule)} />}
      </Field>
      <Field label="Extra endpoints" error={errors.extraEndpoints?.message} hint="Synthetic endpoints added to the list, for scale.">
        {(p) => <Input {...p} inputMode="numeric" {...register('extraEndpoints', numberRule)} />}
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
        {(p) => <Textarea {...p} spellCheck={false} {...register('faults', { validate: validateFaults })} />}
      </Field>
    </form>
  )
}
