// The served-entity dialog's provisioned-throughput range for a Unity Catalog LLM Databricks optimizes:
// asked of get-model-optimization-info once a model and version are chosen; offered in chunk steps.
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { permissionKeys, permissionsApi } from '../../api/permissions-api'
import { Field } from '../../components/field'
import { Select } from '../../components/input'
import type { DialogValues } from './dialog-values'
import styles from './throughput-fields.module.css'
import { throughputOptions } from './throughput'

export function ThroughputFields() {
  const { register, setValue, formState, control } = useFormContext<DialogValues>()
  const [model, version] = useWatch({ control, name: ['entity_name', 'entity_version'] })
  const info = useQuery({
    queryKey: permissionKeys.optimization(model, version),
    queryFn: ({ signal }) => permissionsApi.optimizationInfo(model, version, signal),
    enabled: model !== '' && version !== '',
    staleTime: 60_000,
  })
  const chunk = info.data?.optimizable ? (info.data.throughput_chunk_size ?? 0) : 0

  useEffect(() => {
    setValue('throughput_chunk', chunk)
    if (chunk === 0 && info.data) {
      setValue('throughput_min', '')
      setValue('throughput_max', '')
    }
  }, [chunk, info.data, setValue])

  if (chunk === 0) return null
  const { errors } = formState
  const option = (value: number) => (
    <option key={value} value={String(value)}>
      {value.toLocaleString('en-US')}
    </option>
  )
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Provisioned throughput</legend>
      <p className={styles.note}>
        {`This ${info.data?.model_type ?? ''} model can be served with provisioned throughput, in steps of ${chunk.toLocaleString('en-US')} tokens per second. Leave it empty to choose compute instead.`}
      </p>
      <div className={styles.row}>
        <Field label="Minimum throughput (tokens/s)" error={errors.throughput_min?.message}>
          {(c) => (
            <Select {...c} {...register('throughput_min')}>
              <option value="">None</option>
              {throughputOptions(chunk, { withZero: true }).map(option)}
            </Select>
          )}
        </Field>
        <Field label="Maximum throughput (tokens/s)" error={errors.throughput_max?.message}>
          {(c) => (
            <Select {...c} {...register('throughput_max')}>
              <option value="">None</option>
              {throughputOptions(chunk, { withZero: false }).map(option)}
            </Select>
          )}
        </Field>
      </div>
    </fieldset>
  )
}
