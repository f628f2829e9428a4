// Which backend the console talks to, fixed at build time (see vite.config.ts and the README).
export type Backend = { kind: 'browser-mock' } | { kind: 'mock-server'; url: string } | { kind: 'workspace'; host: string }

export function currentBackend(): Backend {
  const kind = import.meta.env.VITE_BACKEND
  if (kind === 'mock-server') return { kind, url: import.meta.env.VITE_BACKEND_TARGET ?? '' }
  if (kind === 'workspace') return { kind, host: import.meta.env.VITE_BACKEND_TARGET ?? '' }
  return { kind: 'browser-mock' }
}

export function backendLabel(backend: Backend): string {
  switch (backend.kind) {
    case 'browser-mock':
      return 'Mock backend (in browser)'
    case 'mock-server':
      return `Mock server ${backend.url}`
    case 'workspace':
      return `Workspace ${backend.host}`
  }
}
