// Transient notices ("Update canceled", "Endpoint deleted") in one polite live region.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import { CloseIcon } from './icons'
import { NoticeContext, type Notice, type Notify } from './use-notify'
import styles from './notices.module.css'

const NOTICE_MS = 6000

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const next = useRef(1)
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), [])
  const notify = useCallback<Notify>(
    (text, tone = 'info') => {
      const id = next.current++
      setNotices((all) => [...all.slice(-2), { id, text, tone }])
      setTimeout(() => dismiss(id), NOTICE_MS)
    },
    [dismiss],
  )
  const value = useMemo(() => notify, [notify])
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className={styles.region} role="status" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`${styles.notice} ${n.tone === 'error' ? styles.error : ''}`}>
            <span className={styles.text}>{n.text}</span>
            <button type="button" className={styles.dismiss} aria-label="Dismiss notice" onClick={() => dismiss(n.id)}>
              <CloseIcon />
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  )
}
