// Tags, edited inline: each add or remove is one PATCH; what was typed survives a failed save.
import { zodResolver } from '@hookform/resolvers/zod'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { isApiError } from '../../api/client'
import { patchTagsMutation } from '../../api/mutations'
import type { EndpointTag } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { CloseIcon, PlusIcon } from '../../components/icons'
import { Input } from '../../components/input'
import { useNotify } from '../../components/use-notify'
import styles from './tags-editor.module.css'
import shared from './details-shared.module.css'
import { emptyTag, tagFormSchema, toEndpointTag, type ParsedTag, type TagFormValues } from './tags-schema'

function AddTagForm({ name, onDone }: { name: string; onDone: () => void }) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const mutation = useMutation(patchTagsMutation(queryClient, name))
  const { register, handleSubmit, setError, formState } = useForm<TagFormValues, unknown, ParsedTag>({
    resolver: zodResolver(tagFormSchema),
    defaultValues: emptyTag,
  })
  const { errors } = formState

  const save = async (values: ParsedTag) => {
    const tag = toEndpointTag(values)
    try {
      await mutation.mutateAsync({ add_tags: [tag] })
    } catch (error) {
      // The API names the field (`add_tags[0].key`) when it refuses one; anything else is the form's.
      const field = isApiError(error) ? error.field : undefined
      const message = error instanceof Error ? error.message : String(error)
      if (field?.endsWith('.key')) setError('key', { type: 'server', message }, { shouldFocus: true })
      else if (field?.endsWith('.value')) setError('value', { type: 'server', message }, { shouldFocus: true })
      else setError('root.server', { type: 'server', message })
      return
    }
    notify(`Tag ${tag.key} saved.`)
    onDone()
  }

  return (
    <form className={styles.tagForm} aria-label="Add tag" onSubmit={(event) => void handleSubmit(save)(event)} noValidate>
      <div className={styles.tagFields}>
        <Field label="Key" error={errors.key?.message}>
          {(control) => <Input {...control} autoComplete="off" {...register('key')} />}
        </Field>
        <Field label="Value" error={errors.value?.message} optional>
          {(control) => <Input {...control} autoComplete="off" {...register('value')} />}
        </Field>
      </div>
      {errors.root?.server && <Alert title="The tag was not saved">{errors.root.server.message}</Alert>}
      <div className={styles.tagFormActions}>
        <Button size="small" variant="primary" type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : 'Save tag'}
        </Button>
        <Button size="small" onClick={onDone} disabled={mutation.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  )
}

function RemoveTagButton({ name, tagKey }: { name: string; tagKey: string }) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const mutation = useMutation(patchTagsMutation(queryClient, name))
  return (
    <button
      type="button"
      className={styles.tagRemove}
      aria-label={`Remove tag ${tagKey}`}
      disabled={mutation.isPending}
      onClick={() =>
        mutation.mutate(
          { delete_tags: [tagKey] },
          { onError: (error) => notify(`Couldn't remove tag ${tagKey}: ${error.message}`, 'error') },
        )
      }
    >
      <CloseIcon width={12} height={12} />
    </button>
  )
}

export function TagsEditor({ name, tags, editable }: { name: string; tags: EndpointTag[]; editable: boolean }) {
  const [adding, setAdding] = useState(false)
  return (
    <div>
      {tags.length === 0 ? (
        <p className={shared.muted}>No tags</p>
      ) : (
        <ul className={styles.tags} aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.key} className={styles.tag}>
              <span className={styles.tagText}>
                {tag.key}
                {tag.value ? `: ${tag.value}` : ''}
              </span>
              {editable && <RemoveTagButton name={name} tagKey={tag.key} />}
            </li>
          ))}
        </ul>
      )}
      {editable &&
        (adding ? (
          <AddTagForm name={name} onDone={() => setAdding(false)} />
        ) : (
          <Button size="small" onClick={() => setAdding(true)}>
            <PlusIcon /> Add tag
          </Button>
        ))}
    </div>
  )
}
