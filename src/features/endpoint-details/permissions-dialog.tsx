// The Permissions dialog (loaded on first use): who may view, query or manage the endpoint. Rows can
// change level or go; Add puts a principal in; Save replaces the list (PUT). A refused or failed save
// keeps everything typed.
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useMemo, useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { isApiError } from '../../api/client'
import { PERMISSION_LEVELS, type ServingEndpointPermissions } from '../../api/permissions'
import { permissionKeys, permissionsApi } from '../../api/permissions-api'
import { currentUserQuery, endpointKeys } from '../../api/queries'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Dialog, DialogClose, DialogContent } from '../../components/dialog'
import { Field } from '../../components/field'
import { CloseIcon } from '../../components/icons'
import { Input, Select } from '../../components/input'
import { useNotify } from '../../components/use-notify'
import { PERMISSION_LABELS } from './abilities'
import styles from './permissions-dialog.module.css'
import {
  KIND_LABELS,
  OWN_MANAGE_REASON,
  addProblem,
  inheritedOf,
  kindOf,
  ownManageRow,
  permissionsFormSchema,
  rowsOf,
  toAccessControlList,
  type PermissionsFormValues,
} from './permissions-schema'

export interface PermissionsDialogProps {
  id: string
  name: string
  creator?: string
  open: boolean
  onOpenChange: (open: boolean) => void
  onCloseAutoFocus?: (event: Event) => void
}

const LEVEL_OPTIONS = PERMISSION_LEVELS.map((level) => (
  <option key={level} value={level}>
    {PERMISSION_LABELS[level]}
  </option>
))

export function PermissionsDialog({ id, name, creator, open, onOpenChange, onCloseAutoFocus }: PermissionsDialogProps) {
  const permissions = useQuery({ queryKey: permissionKeys.of(id), queryFn: ({ signal }) => permissionsApi.get(id, signal) })
  const me = useQuery(currentUserQuery())
  const formId = useId()
  const [saving, setSaving] = useState(false)
  const ready = permissions.data && !me.isPending

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Permissions"
        description={`Who may view, query or manage ${name}.`}
        wide
        onCloseAutoFocus={onCloseAutoFocus}
        footer={
          <>
            <DialogClose asChild>
              <Button>Cancel</Button>
            </DialogClose>
            <Button variant="primary" type="submit" form={formId} disabled={!ready || saving} aria-busy={saving || undefined}>
              {saving ? 'Saving…' : 'Save'}
            </Button>
          </>
        }
      >
        {permissions.isError ? (
          <Alert
            title="The permissions could not be loaded"
            actions={
              <Button size="small" onClick={() => void permissions.refetch()}>
                Retry
              </Button>
            }
          >
            {permissions.error.message}
          </Alert>
        ) : ready ? (
          <PermissionsForm
            formId={formId}
            id={id}
            name={name}
            creator={creator}
            currentUser={me.data?.userName}
            permissions={permissions.data}
            onSaving={setSaving}
            onSaved={() => onOpenChange(false)}
          />
        ) : (
          <p role="status">Loading permissions…</p>
        )}
      </DialogContent>
    </Dialog>
  )
}

interface FormProps {
  formId: string
  id: string
  name: string
  creator?: string
  currentUser?: string
  permissions: ServingEndpointPermissions
  onSaving: (saving: boolean) => void
  onSaved: () => void
}

function PermissionsForm({ formId, id, name, creator, currentUser, permissions, onSaving, onSaved }: FormProps) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const initialRows = useMemo(() => rowsOf(permissions, creator), [permissions, creator])
  const inherited = useMemo(() => inheritedOf(permissions), [permissions])
  const keepsOwnManage = ownManageRow(initialRows, currentUser) >= 0
  const schema = useMemo(() => permissionsFormSchema(currentUser, keepsOwnManage), [currentUser, keepsOwnManage])
  const { register, control, handleSubmit, getValues, setValue, setError, clearErrors, setFocus, formState } =
    useForm<PermissionsFormValues>({
      resolver: zodResolver(schema),
      defaultValues: { rows: initialRows, principal: '', level: 'CAN_VIEW' },
    })
  const { fields, append, remove } = useFieldArray({ control, name: 'rows' })
  const { errors } = formState
  const reasonId = useId()

  const add = () => {
    const principal = getValues('principal').trim()
    const problem = addProblem(
      principal,
      getValues('rows'),
      inherited.map((i) => i.name),
    )
    if (problem) {
      setError('principal', { type: 'add', message: problem }, { shouldFocus: true })
      return
    }
    clearErrors('principal')
    append({ kind: kindOf(principal), name: principal, level: getValues('level'), creator: false })
    setValue('principal', '')
    setFocus('principal')
  }

  const save = async (values: PermissionsFormValues) => {
    onSaving(true)
    try {
      const saved = await permissionsApi.set(id, toAccessControlList(values.rows))
      queryClient.setQueryData(permissionKeys.of(id), saved)
      void queryClient.invalidateQueries({ queryKey: endpointKeys.detail(name) })
      void queryClient.invalidateQueries({ queryKey: endpointKeys.list() })
      notify(`Permissions of ${name} saved.`)
      onSaved()
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const row = isApiError(error) ? /^access_control_list\[(\d+)\]/.exec(error.field ?? '') : null
      if (row && Number(row[1]) < values.rows.length) {
        setError(`rows.${Number(row[1])}.level`, { type: 'server', message }, { shouldFocus: true })
      } else setError('root.server', { type: 'server', message })
    } finally {
      onSaving(false)
    }
  }

  const own = ownManageRow(initialRows, currentUser)
  return (
    <form id={formId} aria-label="Permissions" noValidate onSubmit={(event) => void handleSubmit(save)(event)}>
      <ul className={styles.rows} aria-label="Who has access">
        {fields.map((field, index) => {
          const locked = keepsOwnManage && index === own && field.name === currentUser
          const levelError = errors.rows?.[index]?.level?.message
          return (
            <li key={field.id} className={styles.row}>
              <div className={styles.principal}>
                <span className={styles.name}>{field.name}</span>
                <span className={styles.kind}>
                  {KIND_LABELS[field.kind]}
                  {field.creator && ' · Creator'}
                  {field.name === currentUser && ' · You'}
                </span>
              </div>
              {field.creator ? (
                <span className={styles.fixed}>{PERMISSION_LABELS.CAN_MANAGE}</span>
              ) : (
                <div className={styles.level}>
                  <Select
                    aria-label={`Permission of ${field.name}`}
                    aria-invalid={levelError ? true : undefined}
                    aria-describedby={levelError ? `${reasonId}-level-${index}` : undefined}
                    {...register(`rows.${index}.level`)}
                  >
                    {LEVEL_OPTIONS}
                  </Select>
                  {levelError && (
                    <span id={`${reasonId}-level-${index}`} className={styles.error}>
                      {levelError}
                    </span>
                  )}
                </div>
              )}
              {field.creator ? (
                <span className={styles.note}>Keeps Can manage</span>
              ) : (
                <button
                  type="button"
                  className={styles.remove}
                  aria-label={`Remove ${field.name}`}
                  aria-disabled={locked || undefined}
                  aria-describedby={locked ? `${reasonId}-own` : undefined}
                  onClick={() => {
                    if (!locked) remove(index)
                  }}
                >
                  <CloseIcon width={14} height={14} />
                </button>
              )}
              {locked && (
                <p id={`${reasonId}-own`} className={styles.reason}>
                  {OWN_MANAGE_REASON}
                </p>
              )}
            </li>
          )
        })}
        {inherited.map((entry) => (
          <li key={`${entry.kind}:${entry.name}`} className={styles.row}>
            <div className={styles.principal}>
              <span className={styles.name}>{entry.name}</span>
              <span className={styles.kind}>{KIND_LABELS[entry.kind]}</span>
            </div>
            <span className={styles.fixed}>{PERMISSION_LABELS[entry.level]}</span>
            <span className={styles.note}>Inherited from {entry.from}</span>
          </li>
        ))}
      </ul>
      <div className={styles.add}>
        <Field
          label="Add user, group or service principal"
          error={errors.principal?.message}
          hint="An e-mail address is a user, an application ID a service principal, any other name a group."
          className={styles.addField}
        >
          {(props) => (
            <Input
              {...props}
              autoComplete="off"
              {...register('principal')}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault()
                  add()
                }
              }}
            />
          )}
        </Field>
        <Field label="Permission level">
          {(props) => (
            <Select {...props} {...register('level')}>
              {LEVEL_OPTIONS}
            </Select>
          )}
        </Field>
        <Button onClick={add} className={styles.addButton}>
          Add
        </Button>
      </div>
      {errors.root?.server && <Alert title="The permissions were not saved">{errors.root.server.message}</Alert>}
    </form>
  )
}
