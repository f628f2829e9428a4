import { useEffect } from 'react'

export const APP_NAME = 'Serving Console'

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`
  }, [title])
}
