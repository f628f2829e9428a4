// A streamed answer in the Browser tab: it grows as pieces arrive; Stop aborts the request.
import { useCallback, useEffect, useRef, useState } from 'react'
import { streamQuery } from '../../api/stream'
import type { QueryRequest } from '../../api/types'

export type StreamStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed'

export interface StreamedAnswer {
  status: StreamStatus
  text: string
  finishReason?: string
  error?: unknown
}

const IDLE: StreamedAnswer = { status: 'idle', text: '' }

export function useStreamedAnswer(name: string) {
  const [answer, setAnswer] = useState<StreamedAnswer>(IDLE)
  const current = useRef<AbortController | null>(null)

  // Closing the dialog ends the stream.
  useEffect(() => () => current.current?.abort(), [])

  const start = useCallback(
    (body: QueryRequest) => {
      current.current?.abort()
      const controller = new AbortController()
      current.current = controller
      const mine = () => current.current === controller
      setAnswer({ status: 'streaming', text: '' })
      streamQuery(name, body, {
        signal: controller.signal,
        onText: (piece) => {
          if (mine()) setAnswer((a) => ({ ...a, text: a.text + piece }))
        },
      }).then(
        (finishReason) => {
          if (mine()) setAnswer((a) => ({ ...a, status: 'done', finishReason }))
        },
        (error: unknown) => {
          if (!mine()) return
          setAnswer((a) => (controller.signal.aborted ? { ...a, status: 'stopped' } : { ...a, status: 'failed', error }))
        },
      )
    },
    [name],
  )

  const stop = useCallback(() => current.current?.abort(), [])

  const reset = useCallback(() => {
    const controller = current.current
    current.current = null
    controller?.abort()
    setAnswer(IDLE)
  }, [])

  return { answer, start, stop, reset }
}
