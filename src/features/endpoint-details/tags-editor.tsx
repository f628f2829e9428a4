// Tags, edited inline: each add or remove is one PATCH; what was typed survives a failed save.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { isApiError } from '../../api/client'
import { patchTagsMutation } from '../../api/mutations'
import type { EndpointTag } from '../../api/types'
import { Alert } from '../../components/alert'
import { Button } from '../../components/button'
import { Field } from '../../components/field'
import { CloseIcon, PlusIcon } from '../../components/icons'
import { Input } from '../../components/input'
import { useNotify } from '../../components/use-notify'
import styles from './details.module.css'

const TAG_TEXT_MAX = 255

interface Problems {
  key?: string
  value?: string
  form?: string
}

function check(key: string, value: string): Problems {
  const problems: Problems = {}
  if (key.trim() === '') problems.key = 'Enter a tag key.'
  else if (key.length > TAG_TEXT_MAX) problems.key = `Tag keys are at most ${TAG_TEXT_MAX} characters.`
  if (value.length > TAG_TEXT_MAX) problems.value = `Tag values are at most ${TAG_TEXT_MAX} characters.`
  return problems
}

function AddTagForm({ name, onDone }: { name: string; onDone: () => void }) {
  const queryClient = useQueryClient()
  const notify = useNotify()
  const mutation = useMutation(patchTagsMutation(queryClient, name))
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const [problems, setProblems] = useState<Problems>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = check(key, value)
    setProblems(found)
    if (found.key || found.value) return
    const tag: EndpointTag = value === '' ? { key: key.trim() } : { key: key.trim(), value }
    mutation.mutate(
      { add_tags: [tag] },
      {
        onSuccess: () => {
          notify(`Tag ${tag.key} saved.`)
          onDone()
        },
        onError: (error) => {
          const field = isApiError(error) ? error.field : undefined
          if (field?.endsWith('.key')) setProblems({ key: error.message })
          else if (field?.endsWith('.value')) setProblems({ value: error.message })
          else setProblems({ form: error.message })
        },
      },
    )
  }

  return (
    <form className={styles.tagForm} aria-label="Add tag" onSubmit={submit} noValidate>
      <div className={styles.tagFields}>
        <Field label="Key" error={problems.key}>
          {(control) => (
            <Input {...control} value={key} autoComplete="off" onChange={(e) => setKey(e.target.value)} />
          )}
        </Field>
        <Field label="Value" error={problems.value} optional>
          {(control) => (
            <Input {...control} value={value} autoComplete="off" onChange={(e) => setValue(e.target.value)} />
          )}
        </Field>
      </div>
      {problems.form && <Alert title="The tag was not saved">{problems.form}</Alert>}
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
        <p className={styles.muted}>No tags</p>
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
