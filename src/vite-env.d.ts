/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** browser-mock (default), mock-server or workspace. */
  readonly VITE_BACKEND?: 'browser-mock' | 'mock-server' | 'workspace'
  /** The mock server URL or workspace host, for display only. */
  readonly VITE_BACKEND_TARGET?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
