// Section "AI Gateway": usage tracking, inference tables, and (create only) route optimization.
import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { Field } from '../../components/field'
import { Input } from '../../components/input'
import type { EndpointFormValues } from './form-schema'
import shared from './form-layout.module.css'

export function GatewaySection({ mode }: { mode: 'create' | 'edit' }) {
  const { control, register, formState } = useFormContext<EndpointFormValues>()
  const tableEnabled = useWatch({ control, name: 'inference_table.enabled' })
  const rows = useWatch({ control, name: 'entities' })
  const customOnly = rows.every((r) => r.entity === null || r.entity.kind === 'uc')
  const errors = formState.errors.inference_table
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <h2 id={headingId} className={shared.sectionTitle}>
        AI Gateway
      </h2>
      <label className={shared.checkbox}>
        <input type="checkbox" {...register('usage_tracking')} />
        Enable usage tracking
      </label>
      <label className={shared.checkbox}>
        <input type="checkbox" {...register('inference_table.enabled')} />
        Enable inference tables
      </label>
      {tableEnabled && (
        <div className={shared.grid}>
          <Field label="Catalog" error={errors?.catalog?.message}>
            {(c) => <Input {...c} placeholder="main" autoComplete="off" {...register('inference_table.catalog')} />}
          </Field>
          <Field label="Schema" error={errors?.schema?.message}>
            {(c) => <Input {...c} placeholder="default" autoComplete="off" {...register('inference_table.schema')} />}
          </Field>
          <Field label="Table prefix" optional error={errors?.prefix?.message}>
            {(c) => <Input {...c} autoComplete="off" {...register('inference_table.prefix')} />}
          </Field>
        </div>
      )}
      {mode === 'create' && (
        <>
          <label className={shared.checkbox}>
            <input type="checkbox" disabled={!customOnly} {...register('route_optimized')} />
            Enable route optimization
          </label>
          <p className={shared.sectionHint}>
            {customOnly
              ? 'Set only at creation. Queries then need OAuth tokens and a dedicated URL.'
              : 'Route optimization is for custom models only.'}
          </p>
        </>
      )}
    </section>
  )
}
