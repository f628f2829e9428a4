// Section "Served entities": one card per entity — the Entity button (opens the dialog), compute, traffic.
import { useId, useState } from 'react'
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { PlusIcon } from '../../components/icons'
import { Input, Select } from '../../components/input'
import { PT_UNIT_STEP } from '../../lib/foundation-models'
import { entitySummary, type EntityChoice } from './entity-schema'
import { EntityDetails } from './entity-details'
import { ChevronIcon } from './model-name-combobox'
import { EnvVarRows } from './env-var-rows'
import { WORKLOAD_SIZES, WORKLOAD_TYPES, newEntityRow, type EndpointFormValues } from './form-schema'
import { servedName } from './served-name'
import { ServedEntityDialog, type DialogFieldError, type ExternalRule } from './served-entity-dialog'
import fieldStyles from '../../components/field.module.css'
import styles from './served-entity-rows.module.css'
import shared from './form-layout.module.css'

export interface ServedEntityRowsProps {
  externalRule?: ExternalRule
  /** Server errors that belong inside a row's dialog, by row index. */
  dialogErrors: Record<number, DialogFieldError>
}

export function ServedEntityRows({ externalRule, dialogErrors }: ServedEntityRowsProps) {
  const { control, formState, setValue } = useFormContext<EndpointFormValues>()
  const { fields, append, remove } = useFieldArray({ control, name: 'entities' })
  const rows = useWatch({ control, name: 'entities' })
  const hasExternal = rows.some((r) => r.entity?.kind === 'external')
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className={shared.section}>
      <h2 id={headingId} className={shared.sectionTitle}>
        Served entities
      </h2>
      <p className={shared.sectionHint}>
        Serve a Unity Catalog model, a foundation model with provisioned throughput, or an external model. Split traffic across
        entities for A/B tests.
      </p>
      {formState.errors.entities?.root?.message && <p className={fieldStyles.error}>{formState.errors.entities.root.message}</p>}
      {fields.map((field, index) => (
        <EntityCard
          key={field.id}
          index={index}
          count={fields.length}
          onRemove={() => {
            remove(index)
            // One entity takes all the traffic.
            if (fields.length === 2) setValue('entities.0.traffic', '100')
          }}
          externalRule={externalRule}
          dialogError={dialogErrors[index]}
        />
      ))}
      <div className={shared.addRow}>
        <Button onClick={() => append(newEntityRow('0'))} disabled={hasExternal}>
          <PlusIcon /> Add served entity
        </Button>
        {hasExternal && <span className={shared.muted}>An endpoint that serves an external model has one entity.</span>}
      </div>
    </section>
  )
}

interface EntityCardProps {
  index: number
  count: number
  onRemove: () => void
  externalRule?: ExternalRule
  dialogError?: DialogFieldError
}

function EntityCard({ index, count, onRemove, externalRule, dialogError }: EntityCardProps) {
  const { register, setValue, getValues, formState, control } = useFormContext<EndpointFormValues>()
  const entity = useWatch({ control, name: `entities.${index}.entity` })
  const servedNameSet = useWatch({ control, name: `entities.${index}.served_name` })
  const serverName = useWatch({ control, name: `entities.${index}.server_name` })
  const [open, setOpen] = useState(false)
  const labelId = useId()
  const valueId = useId()
  const errorId = useId()
  const errors = formState.errors.entities?.[index]
  const entityError = errors?.entity?.message

  function confirm(choice: EntityChoice, name: string) {
    // An empty name stays derived: it follows the model, as the server would name it.
    setValue(`entities.${index}.served_name`, name, { shouldDirty: name !== getValues(`entities.${index}.served_name`) })
    setValue(`entities.${index}.entity`, choice, { shouldDirty: true, shouldValidate: formState.isSubmitted })
  }

  return (
    <div className={styles.card}>
      <div className={styles.cardHeader}>
        <span className={styles.cardTitle}>Served entity {index + 1}</span>
        {count > 1 && (
          <Button variant="ghost" size="small" onClick={onRemove} aria-label={`Remove served entity ${index + 1}`}>
            Remove
          </Button>
        )}
      </div>
      <div className={fieldStyles.field}>
        <span id={labelId} className={fieldStyles.label}>
          Entity
        </span>
        <ServedEntityDialog
          open={open}
          onOpenChange={setOpen}
          initial={entity}
          names={{ served_name: servedNameSet, server_name: serverName }}
          onConfirm={confirm}
          externalRule={externalRule}
          fieldError={dialogError}
          trigger={
            <button
              type="button"
              className={styles.entityButton}
              aria-labelledby={`${labelId} ${valueId}`}
              data-invalid={entityError ? true : undefined}
              aria-describedby={entityError ? errorId : undefined}
            >
              <span id={valueId} className={entity ? styles.entityValue : `${styles.entityValue} ${styles.placeholder}`}>
                {entity ? entitySummary(entity) : 'Select an entity'}
              </span>
              <span className={styles.entityAction} aria-hidden="true">
                {entity ? 'Change…' : 'Select…'}
                <ChevronIcon />
              </span>
            </button>
          }
        />
        {entityError && (
          <span id={errorId} className={fieldStyles.error}>
            {entityError}
          </span>
        )}
        {entity && (
          <EntityDetails
            entity={entity}
            servedName={servedName({ entity, served_name: servedNameSet })}
            named={servedNameSet !== ''}
          />
        )}
      </div>
      {entity?.kind === 'uc' && !entity.throughput && (
        <div className={shared.grid}>
          <Field label="Compute type" error={errors?.workload_type?.message}>
            {(c) => (
              <Select {...c} {...register(`entities.${index}.workload_type`)}>
                {WORKLOAD_TYPES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Compute scale-out" error={errors?.workload_size?.message}>
            {(c) => (
              <Select {...c} {...register(`entities.${index}.workload_size`)}>
                {WORKLOAD_SIZES.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <label className={shared.checkbox}>
            <input type="checkbox" {...register(`entities.${index}.scale_to_zero`)} />
            Scale to zero
          </label>
        </div>
      )}
      {entity?.kind === 'pt' && (
        <Field label="Provisioned model units" error={errors?.units?.message} hint={`In steps of ${PT_UNIT_STEP}.`}>
          {(c) => <Input {...c} inputMode="numeric" className={shared.narrow} {...register(`entities.${index}.units`)} />}
        </Field>
      )}
      {entity?.kind !== 'external' && (
        <Field label="Traffic (%)" error={errors?.traffic?.message}>
          {(c) => (
            <Input
              {...c}
              inputMode="numeric"
              className={shared.narrow}
              readOnly={count === 1}
              {...register(`entities.${index}.traffic`)}
            />
          )}
        </Field>
      )}
      {entity?.kind === 'uc' && <EnvVarRows entityIndex={index} />}
    </div>
  )
}
