import { useEffect, useState } from 'react'
import { Button } from './button'
import { CheckIcon, CopyIcon } from './icons'

type Status = 'idle' | 'copied' | 'failed'

/** Copies `text`; says "Copied" (politely announced) for a moment, or why it could not. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState<Status>('idle')

  useEffect(() => {
    if (status === 'idle') return
    const timer = setTimeout(() => setStatus('idle'), 2000)
    return () => clearTimeout(timer)
  }, [status])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setStatus('copied')
    } catch {
      setStatus('failed')
    }
  }

  return (
    <>
      <Button size="small" variant="ghost" aria-label={label} title={label} onClick={() => void copy()}>
        {status === 'copied' ? <CheckIcon /> : <CopyIcon />}
      </Button>
      <span role="status" className={status === 'failed' ? undefined : 'visually-hidden'}>
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Could not copy: select the text and copy it by hand.' : ''}
      </span>
    </>
  )
}
