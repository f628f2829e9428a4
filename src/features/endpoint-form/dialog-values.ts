// The "Select served entity" dialog's own form values, schema and change rules.
import { z } from '../../lib/zod'
import type { ExternalTask } from '../../api/types'
import { ptModelFor } from '../../lib/foundation-models'
import { ALL_TASKS, fieldsFor, providerById, suggestedModels, type ProviderEntry } from '../../lib/providers'
import { externalSchemaFor, fieldKey, type EntityChoice, type SecretValue } from './entity-schema'

export interface DialogValues {
  source: 'uc' | 'foundation'
  entity_name: string
  entity_version: string
  /** '' until chosen; a PT model's entity_name, or a provider's registry id. */
  foundation: string
  task: ExternalTask | ''
  model_name: string
  auth: string
  config: Record<string, string>
  /** `mode` stays unset until the person touches the toggle; a reference is the default. */
  secrets: Record<string, Omit<SecretValue, 'mode'> & { mode?: SecretValue['mode'] }>
}

export const EMPTY_DIALOG: DialogValues = {
  source: 'uc',
  entity_name: '',
  entity_version: '',
  foundation: '',
  task: '',
  model_name: '',
  auth: '',
  config: {},
  secrets: {},
}

export function toDialogValues(choice: EntityChoice | null): DialogValues {
  if (!choice) return EMPTY_DIALOG
  switch (choice.kind) {
    case 'uc':
      return { ...EMPTY_DIALOG, entity_name: choice.entity_name, entity_version: choice.entity_version }
    case 'pt':
      return { ...EMPTY_DIALOG, source: 'foundation', foundation: choice.entity_name }
    case 'external':
      return {
        ...EMPTY_DIALOG,
        source: 'foundation',
        foundation: choice.provider,
        task: choice.task,
        model_name: choice.model_name,
        auth: choice.auth,
        config: { ...choice.config },
        secrets: structuredClone(choice.secrets),
      }
  }
}

const ucSchema = z.object({
  source: z.literal('uc'),
  entity_name: z.string().min(1, 'Select a model.'),
  entity_version: z.string().min(1, 'Select a version.'),
})

const secretSchema = z.object({
  mode: z.enum(['reference', 'plaintext']).optional(),
  value: z.string(),
  stored: z.boolean().optional(),
})

const foundationSchema = z
  .object({
    source: z.literal('foundation'),
    foundation: z.string().min(1, 'Select a foundation model.'),
    task: z.string(),
    model_name: z.string(),
    auth: z.string(),
    config: z.record(z.string(), z.string()),
    secrets: z.record(z.string(), secretSchema),
  })
  .superRefine((values, ctx) => {
    const entry = providerById(values.foundation)
    if (!entry) return
    // The provider's own schema reports at the same paths the dialog's fields use.
    const result = externalSchemaFor(entry).safeParse({ ...values, kind: 'external', provider: entry.id })
    for (const issue of result.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
  })

const bySource = z.discriminatedUnion('source', [ucSchema, foundationSchema])

/** The dialog's values, checked by the branch of the chosen source (a discriminated union). */
export const dialogSchema: z.ZodType<DialogValues, DialogValues> = z
  .object({
    source: z.enum(['uc', 'foundation']),
    entity_name: z.string(),
    entity_version: z.string(),
    foundation: z.string(),
    task: z.union([z.enum(ALL_TASKS), z.literal('')]),
    model_name: z.string(),
    auth: z.string(),
    config: z.record(z.string(), z.string()),
    secrets: z.record(z.string(), secretSchema),
  })
  .superRefine((values, ctx) => {
    for (const issue of bySource.safeParse(values).error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
  })

/** The choice Confirm writes into the row (values already validated by dialogSchema). */
export function toChoice(values: DialogValues): EntityChoice | null {
  if (values.source === 'uc') {
    return { kind: 'uc', entity_name: values.entity_name, entity_version: values.entity_version }
  }
  const pt = ptModelFor(values.foundation)
  if (pt) return { kind: 'pt', entity_name: pt.entity_name, entity_version: pt.entity_version }
  const entry = providerById(values.foundation)
  if (!entry || values.task === '') return null
  const variant = entry.authVariants.find((v) => v.id === values.auth) ?? entry.authVariants[0]
  const keys = fieldsFor(entry, variant).map(fieldKey)
  return {
    kind: 'external',
    provider: entry.id,
    task: values.task,
    model_name: values.model_name.trim(),
    auth: variant.id,
    config: pick(values.config, keys),
    secrets: Object.fromEntries(
      Object.entries(pick(values.secrets, keys)).map(([key, s]) => [key, { ...s, mode: s.mode ?? 'reference' }]),
    ),
  }
}

function pick<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => keys.includes(key)))
}

function allFieldKeys(entry: ProviderEntry): string[] {
  return entry.authVariants.flatMap((v) => fieldsFor(entry, v).map(fieldKey))
}

/** What survives a provider change: fields, task, auth and model name the new provider still has. */
export function afterProviderChange(values: DialogValues, previous: string): DialogValues {
  const entry = providerById(values.foundation)
  if (!entry) {
    return { ...values, task: '', model_name: '', auth: '', config: {}, secrets: {} }
  }
  const keys = allFieldKeys(entry)
  const task = values.task !== '' && entry.tasks.includes(values.task) ? values.task : entry.tasks.length === 1 ? entry.tasks[0] : ''
  const auth = entry.authVariants.some((v) => v.id === values.auth) ? values.auth : entry.authVariants[0].id
  const before = providerById(previous)
  return {
    ...values,
    task,
    auth,
    model_name: keptModelName(values.model_name, before, values.task, entry, task),
    config: pick(values.config, keys),
    secrets: pick(values.secrets, keys),
  }
}

/** A suggested name that the new provider/task does not suggest is dropped; a typed name stays. */
export function keptModelName(
  name: string,
  before: ProviderEntry | undefined,
  beforeTask: ExternalTask | '',
  after: ProviderEntry,
  afterTask: ExternalTask | '',
): string {
  if (name === '') return ''
  const wasSuggested = before && beforeTask !== '' && suggestedModels(before, beforeTask).includes(name)
  if (!wasSuggested) return name
  return afterTask !== '' && suggestedModels(after, afterTask).includes(name) ? name : ''
}

/** Auth change: the other variant's fields no longer apply. */
export function afterAuthChange(values: DialogValues): DialogValues {
  const entry = providerById(values.foundation)
  if (!entry) return values
  const variant = entry.authVariants.find((v) => v.id === values.auth) ?? entry.authVariants[0]
  const keys = fieldsFor(entry, variant).map(fieldKey)
  return { ...values, config: pick(values.config, keys), secrets: pick(values.secrets, keys) }
}
