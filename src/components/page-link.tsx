import { Link, type LinkProps } from 'react-router'
import { usePreloadOnIntent } from './page-preload'

/** A router link whose page's code starts loading on hover or focus (page-preload.ts). */
export function PageLink({ to, ...props }: LinkProps & { to: string }) {
  return <Link to={to} {...props} {...usePreloadOnIntent(to)} />
}
