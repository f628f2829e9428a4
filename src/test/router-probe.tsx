import { useLayoutEffect } from 'react'
import { useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router'

/** Reports where the router is, and its navigate, after every render (for tests: see render.tsx). */
export function RouterProbe({ onRender }: { onRender: (location: Location, navigate: NavigateFunction) => void }) {
  const location = useLocation()
  const navigate = useNavigate()
  useLayoutEffect(() => onRender(location, navigate))
  return null
}
