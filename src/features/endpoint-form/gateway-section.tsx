// Section "AI Gateway": the shared gateway settings (usage tracking, inference tables, guardrails,
// fallbacks), and (create only) route optimization.
import { useId } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { GatewaySettingsFields } from '../../components/ai-gateway/gateway-fields'
import type { EndpointFormValues } from './form-schema'
import shared from './form-layout.module.css'

export function GatewaySection({ mode }: { mode: 'create' | 'edit' }) {
  const { control, register } = useFormContext<EndpointFormValues>()
  const rows = useWatch({ control, name: 'entities' })
  const customOnly = rows.every((r) => r.entity === null || r.entity.kind === 'uc')
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <h2 id={headingId} className={shared.sectionTitle}>
        AI Gateway
      </h2>
      <GatewaySettingsFields level={2}>
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
      </GatewaySettingsFields>
    </section>
  )
}
