// The "Select served entity" dialog's own form values, schema and change rules.
import { z } from '../../lib/zod'
import type { ExternalTask } from '../../api/types'
import { ptModelFor } from '../../lib/foundation-models'
import { defaultServedEntityName, servedEntityNameProblem } from '../../lib/names'
import {
  ALL_TASKS,
  fieldKey,
  fieldsFor,
  providerById,
  suggestedModels,
  variantById,
  type ProviderEntry,
} from '../../lib/providers'
import { externalSchemaFor, secretValueSchema, type EntityChoice, type SecretValue } from './entity-schema'
import { throughputProblems } from './throughput'

/** A secret as the dialog holds it: `mode` stays unset until the person touches the toggle (a reference is the default). */
const dialogSecretSchema = secretValueSchema.partial({ mode: true })

const dialogShape = z.object({
  source: z.enum(['uc', 'foundation']),
  entity_name: z.string(),
  entity_version: z.string(),
  /** '' until chosen; a PT model's entity_name, or a provider's registry id. */
  foundation: z.string(),
  task: z.union([z.enum(ALL_TASKS), z.literal('')]),
  model_name: z.string(),
  auth: z.string(),
  config: z.record(z.string(), z.string()),
  secrets: z.record(z.string(), dialogSecretSchema),
  /** Served entity name as typed; '' means derived from the model. */
  served_name: z.string(),
  /** Edit only: the entity's name on the server (its stored plain-text secrets belong to it). */
  server_name: z.string(),
  /** A UC model's provisioned throughput in tokens/s ('' = none: compute settings instead). */
  throughput_min: z.string(),
  throughput_max: z.string(),
  /** The model's throughput chunk once known; 0 when it cannot be served with provisioned throughput. */
  throughput_chunk: z.number(),
})

export type DialogValues = z.infer<typeof dialogShape>

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
  served_name: '',
  server_name: '',
  throughput_min: '',
  throughput_max: '',
  throughput_chunk: 0,
}

export interface EntityNames {
  served_name: string
  server_name: string
}

export function toDialogValues(choice: EntityChoice | null, names: EntityNames = EMPTY_DIALOG): DialogValues {
  const base = { ...EMPTY_DIALOG, served_name: names.served_name, server_name: names.server_name }
  if (!choice) return base
  switch (choice.kind) {
    case 'uc':
      return {
        ...base,
        entity_name: choice.entity_name,
        entity_version: choice.entity_version,
        throughput_min: choice.throughput ? String(choice.throughput.min) : '',
        throughput_max: choice.throughput ? String(choice.throughput.max) : '',
      }
    case 'pt':
      return { ...base, source: 'foundation', foundation: choice.entity_name }
    case 'external':
      return {
        ...base,
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

const foundationSchema = z
  .object({
    source: z.literal('foundation'),
    foundation: z.string().min(1, 'Select a foundation model.'),
    task: z.string(),
    model_name: z.string(),
    auth: z.string(),
    config: z.record(z.string(), z.string()),
    secrets: z.record(z.string(), dialogSecretSchema),
  })
  .superRefine((values, ctx) => {
    const entry = providerById(values.foundation)
    if (!entry) return
    // The provider's own schema reports at the same paths the dialog's fields use.
    const choice = { ...values, kind: 'external', provider: entry.id, secrets: withModes(values.secrets) }
    const result = externalSchemaFor(entry).safeParse(choice)
    for (const issue of result.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
  })

const bySource = z.discriminatedUnion('source', [ucSchema, foundationSchema])

/** The dialog's values, checked by the branch of the chosen source (a discriminated union). */
export const dialogSchema = dialogShape.superRefine((values, ctx) => {
  for (const issue of bySource.safeParse(values).error?.issues ?? []) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  }
  const name = values.served_name.trim()
  const problem = name === '' ? undefined : servedEntityNameProblem(name)
  if (problem) ctx.addIssue({ code: 'custom', path: ['served_name'], message: problem })
  checkStoredSecrets(values, ctx)
  if (values.source === 'uc' && values.throughput_chunk > 0) {
    const problems = throughputProblems(values.throughput_min, values.throughput_max, values.throughput_chunk)
    if (problems.min) ctx.addIssue({ code: 'custom', path: ['throughput_min'], message: problems.min })
    if (problems.max) ctx.addIssue({ code: 'custom', path: ['throughput_max'], message: problems.max })
  }
})

/** The served entity's name these values give: the typed one, else the one derived from the model. */
export function effectiveName(values: DialogValues): string {
  return values.served_name.trim() || derivedName(values)
}

/** The name the server derives from the chosen model ('' until a model is chosen). */
export function derivedName(values: DialogValues): string {
  if (values.source === 'uc') {
    return values.entity_name && values.entity_version ? defaultServedEntityName(values) : ''
  }
  const pt = ptModelFor(values.foundation)
  if (pt) return defaultServedEntityName(pt)
  const model = values.model_name.trim()
  return model === '' ? '' : defaultServedEntityName({ external_model: { name: model } })
}

/** A stored plain-text secret stays with the entity's server name: under another name it must be typed again. */
function checkStoredSecrets(values: DialogValues, ctx: z.RefinementCtx) {
  const entry = providerById(values.foundation)
  if (values.source !== 'foundation' || !entry || values.server_name === '') return
  const name = effectiveName(values)
  if (name === '' || name === values.server_name) return
  for (const field of fieldsFor(entry, variantById(entry, values.auth))) {
    const secret = values.secrets[fieldKey(field)]
    if (!field.secret || !secret?.stored || secret.value.trim() !== '') continue
    ctx.addIssue({
      code: 'custom',
      path: ['secrets', fieldKey(field), 'value'],
      message: `The stored value belongs to served entity "${values.server_name}": enter the ${field.label} again, or set Served entity name to ${values.server_name}.`,
    })
  }
}

/** The choice Confirm writes into the row (values already validated by dialogSchema). */
export function toChoice(values: DialogValues): EntityChoice | null {
  if (values.source === 'uc') {
    const choice: EntityChoice = { kind: 'uc', entity_name: values.entity_name, entity_version: values.entity_version }
    if (values.throughput_chunk > 0 && values.throughput_max !== '') {
      choice.throughput = { min: Number(values.throughput_min || 0), max: Number(values.throughput_max) }
    }
    return choice
  }
  const pt = ptModelFor(values.foundation)
  if (pt) return { kind: 'pt', entity_name: pt.entity_name, entity_version: pt.entity_version }
  const entry = providerById(values.foundation)
  if (!entry || values.task === '') return null
  const variant = variantById(entry, values.auth)
  const keys = fieldsFor(entry, variant).map(fieldKey)
  return {
    kind: 'external',
    provider: entry.id,
    task: values.task,
    model_name: values.model_name.trim(),
    auth: variant.id,
    config: pick(values.config, keys),
    secrets: withModes(pick(values.secrets, keys)),
  }
}

/** The dialog's secrets with the default mode (a reference) filled in where the toggle was never touched. */
function withModes(secrets: DialogValues['secrets']): Record<string, SecretValue> {
  return Object.fromEntries(Object.entries(secrets).map(([key, s]) => [key, { ...s, mode: s.mode ?? 'reference' }]))
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
  const task =
    values.task !== '' && entry.tasks.includes(values.task) ? values.task : entry.tasks.length === 1 ? entry.tasks[0] : ''
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
  const keys = fieldsFor(entry, variantById(entry, values.auth)).map(fieldKey)
  return { ...values, config: pick(values.config, keys), secrets: pick(values.secrets, keys) }
}
