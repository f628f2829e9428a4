// Asks before unsaved input is dropped: in-app navigation (router blocker) and closing the tab.
import { useCallback, useEffect, useRef } from 'react'
import { useBlocker } from 'react-router'

export function useLeaveGuard(dirty: boolean) {
  const allowed = useRef(false)
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  )
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  /** Call before navigating away on purpose (after a successful submit). */
  const allowLeave = useCallback(() => {
    allowed.current = true
  }, [])
  return { blocker, allowLeave }
}
