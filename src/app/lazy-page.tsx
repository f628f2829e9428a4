import { lazy, type ComponentType } from 'react'

/**
 * A page in its own chunk: the element React renders, and a way to start loading it earlier. Once
 * loaded, the element renders the page at once instead of through `React.lazy`, which suspends on its
 * first render even when its code is in: the boundary then shows its fallback and React holds the
 * content back for its 300 ms reveal throttle.
 */
export function lazyPage(load: () => Promise<ComponentType>) {
  let loading: Promise<{ default: ComponentType }> | undefined
  let loaded: ComponentType | undefined
  const preload = () =>
    (loading ??= load().then((page) => {
      loaded = page
      return { default: page }
    }))
  const Lazy = lazy(preload)
  function Page() {
    const Loaded = loaded
    return Loaded ? <Loaded /> : <Lazy />
  }
  return { element: <Page />, preload }
}
