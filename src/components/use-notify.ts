import { createContext, useContext } from 'react'

export interface Notice {
  id: number
  text: string
  tone: 'info' | 'error'
}

export type Notify = (text: string, tone?: Notice['tone']) => void

export const NoticeContext = createContext<Notify>(() => {})

/** Shows a transient notice in the app's polite live region. */
export function useNotify(): Notify {
  return useContext(NoticeContext)
}
