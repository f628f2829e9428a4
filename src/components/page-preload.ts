// Links and buttons to another page start loading that page's code on hover or focus, so that the
// click finds it in (each page is its own chunk). The app provides the loader from its routes; without
// a provider (component tests) nothing is loaded.
import { createContext, useContext } from 'react'

const PagePreloadContext = createContext<(path: string) => void>(() => {})

export const PagePreloadProvider = PagePreloadContext.Provider

/** Handlers for a link or button to `path`: hovering or focusing it starts loading that page's code. */
export function usePreloadOnIntent(path: string) {
  const preload = useContext(PagePreloadContext)
  return { onPointerEnter: () => preload(path), onFocus: () => preload(path) }
}
