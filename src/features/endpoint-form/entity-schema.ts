// What a served-entity row holds, and its zod schemas, built from the provider registry:
// a discriminated union by entity kind, whose external branch is a discriminated union by provider.
import { z } from '../../lib/zod'
import type { ExternalTask } from '../../api/types'
import { ptModelFor } from '../../lib/foundation-models'
import { throughputText } from './throughput'
import {
  PROVIDERS,
  checkProviderField,
  fieldKey,
  fieldsFor,
  providerById,
  variantById,
  type ProviderEntry,
} from '../../lib/providers'
import { TASK_LABELS } from '../../lib/provider-labels'

export { fieldKey }

/** A secret field of a chosen entity; the dialog leaves `mode` unset until the toggle is touched (see dialog-values). */
export const secretValueSchema = z.object({
  mode: z.enum(['reference', 'plaintext']),
  value: z.string(),
  /** Edit only: the server holds a plain-text value for this field; empty means keep it. */
  stored: z.boolean().optional(),
})

export type SecretValue = z.infer<typeof secretValueSchema>
export type SecretMode = SecretValue['mode']

function taskList(entry: ProviderEntry): string {
  return entry.tasks.map((t) => TASK_LABELS[t]).join(', ')
}

/**
 * One provider's schema: a supported task, the required fields of the chosen auth variant, well-formed
 * secret references. Checks live in one refinement so that every field gets its message at once.
 */
export function externalSchemaFor(entry: ProviderEntry) {
  return z
    .object({
      kind: z.literal('external'),
      /** Registry id (Azure OpenAI is its own entry). */
      provider: z.literal(entry.id),
      // A refinement, not an enum: the message names the provider's tasks, and the checks below still run.
      task: z.string().refine((task): task is ExternalTask => entry.tasks.includes(task as ExternalTask), {
        error: (issue) => (issue.input === '' ? 'Select a task.' : `${entry.label} supports ${taskList(entry)}.`),
      }),
      model_name: z.string(),
      /** Auth variant id from the registry. */
      auth: z.string(),
      /** Plain fields by form key (see fieldKey). */
      config: z.record(z.string(), z.string()),
      secrets: z.record(z.string(), secretValueSchema),
    })
    .superRefine((value, ctx) => {
      if (value.model_name.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['model_name'], message: 'Enter the external model name.' })
      }
      for (const field of fieldsFor(entry, variantById(entry, value.auth))) {
        const key = fieldKey(field)
        if (field.secret) {
          const secret = value.secrets[key]
          const typed = secret?.value.trim() ?? ''
          const plaintext = secret?.mode === 'plaintext'
          const message = checkProviderField(field, {
            value: plaintext ? undefined : typed,
            plaintext: plaintext ? typed : undefined,
            stored: secret?.stored,
          })
          if (message) ctx.addIssue({ code: 'custom', path: ['secrets', key, 'value'], message })
          continue
        }
        const message = checkProviderField(field, { value: value.config[key] })
        if (message) ctx.addIssue({ code: 'custom', path: ['config', key], message })
      }
    })
}

const [firstProvider, ...otherProviders] = PROVIDERS.map(externalSchemaFor)
export const externalChoiceSchema = z.discriminatedUnion('provider', [firstProvider, ...otherProviders])

export const ucChoiceSchema = z.object({
  kind: z.literal('uc'),
  entity_name: z.string().min(1, 'Select a model.'),
  entity_version: z.string().min(1, 'Select a version.'),
  /** Provisioned throughput (tokens/s) for an optimizable LLM, in place of compute settings. */
  throughput: z.object({ min: z.number(), max: z.number() }).optional(),
})

export const ptChoiceSchema = z.object({
  kind: z.literal('pt'),
  entity_name: z.string().refine((name) => ptModelFor(name) !== undefined, 'Select a foundation model.'),
  entity_version: z.string().min(1),
})

export const entityChoiceSchema = z.discriminatedUnion('kind', [ucChoiceSchema, ptChoiceSchema, externalChoiceSchema])

export type ExternalChoice = z.infer<typeof externalChoiceSchema>
export type EntityChoice = z.infer<typeof entityChoiceSchema>

/** How a row reads once an entity is chosen, e.g. "OpenAI · gpt-4o · Chat". */
export function entitySummary(choice: EntityChoice): string {
  switch (choice.kind) {
    case 'uc':
      return [
        choice.entity_name,
        `Version ${choice.entity_version}`,
        ...(choice.throughput ? [throughputText(choice.throughput.min, choice.throughput.max)] : []),
      ].join(' · ')
    case 'pt':
      return `${ptModelFor(choice.entity_name)?.display_name ?? choice.entity_name} · Provisioned throughput`
    case 'external':
      return [providerById(choice.provider)?.label ?? choice.provider, choice.model_name, TASK_LABELS[choice.task]].join(' · ')
  }
}
