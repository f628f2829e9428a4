// Asks before unsaved input is dropped: a link or button that navigates in the app, Back or Forward,
// and closing the tab. The app uses React Router's declarative mode, which has no navigation blocker,
// so the guard stands in front of the three ways out:
// - links: a capture-phase click listener prevents the click before the router's <Link> sees it
//   (a Link skips a click whose default was prevented) and holds where it led;
// - the form's own navigations (Cancel, after a save) go through `navigate` below;
// - Back/Forward: while input is unsaved, an entry of the guard's own (same URL) sits on top of the
//   history, so Back stays on this page and the guard asks; Discard then goes back for real.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useNavigate, type To } from 'react-router'

/** What the leave dialog needs: whether a navigation is held, and what to do with it. */
export interface LeaveBlocker {
  state: 'blocked' | 'unblocked'
  proceed: () => void
  reset: () => void
}

type Held = { to: To } | { back: true }

const GUARD_ENTRY = 'servingConsoleLeaveGuard'

const isGuardEntry = (state: unknown) => typeof state === 'object' && state !== null && GUARD_ENTRY in state

function pushGuardEntry() {
  window.history.pushState({ ...(window.history.state as object | null), [GUARD_ENTRY]: true }, '')
}

/** A plain left click on a same-origin link to another page of the app: what the router would navigate to. */
function inAppTarget(event: MouseEvent): string | undefined {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return
  if (anchor.target !== '' && anchor.target !== '_self') return
  const url = new URL(anchor.href, window.location.href)
  if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return
  return url.pathname + url.search + url.hash
}

export function useLeaveGuard(dirty: boolean) {
  const routerNavigate = useNavigate()
  const [held, setHeld] = useState<Held | null>(null)
  const [left, setLeft] = useState(false)
  /** Set the moment the page leaves on purpose; the listeners read it before the next render drops them. */
  const leaving = useRef(false)
  const guarding = dirty && !left

  useEffect(() => {
    if (!guarding) return
    const onClick = (event: MouseEvent) => {
      const to = leaving.current ? undefined : inAppTarget(event)
      if (to === undefined) return
      event.preventDefault()
      setHeld({ to })
    }
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    // Back from the guard's entry lands on this page's own entry: hold it and ask.
    const onPop = (event: PopStateEvent) => {
      if (!leaving.current && !isGuardEntry(event.state)) setHeld({ back: true })
    }
    if (!isGuardEntry(window.history.state)) pushGuardEntry()
    document.addEventListener('click', onClick, true)
    window.addEventListener('beforeunload', onUnload)
    window.addEventListener('popstate', onPop)
    return () => {
      document.removeEventListener('click', onClick, true)
      window.removeEventListener('beforeunload', onUnload)
      window.removeEventListener('popstate', onPop)
    }
  }, [guarding])

  const leave = useCallback(
    (to: To) => {
      leaving.current = true
      setLeft(true)
      // The guard's own entry, if any, gives way to the next page.
      void routerNavigate(to, { replace: isGuardEntry(window.history.state) })
    },
    [routerNavigate],
  )

  /** Navigates away through the guard: asks first while input is unsaved, unless `force` (after a save). */
  const navigate = useCallback(
    (to: To, { force = false }: { force?: boolean } = {}) => {
      if (guarding && !force) setHeld({ to })
      else leave(to)
    },
    [guarding, leave],
  )

  const blocker: LeaveBlocker = {
    state: held ? 'blocked' : 'unblocked',
    proceed: () => {
      setHeld(null)
      if (!held) return
      if ('to' in held) return leave(held.to)
      // Back was pressed: this page's own entry is current; go one further back, past it.
      leaving.current = true
      setLeft(true)
      window.history.back()
    },
    reset: () => {
      if (held && 'back' in held) pushGuardEntry()
      setHeld(null)
    },
  }

  return { blocker, navigate }
}
