/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv, type ProxyOptions } from 'vite'

/**
 * Backends (see README): the in-browser msw mock by default; VITE_API_BASE=<mock server URL> or
 * DATABRICKS_HOST + DATABRICKS_TOKEN proxy /api and /serving-endpoints through Vite instead, with the
 * token added on the server side only (it never reaches the bundle or the browser).
 */
function backend(mode: string) {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env }
  if (env.VITE_API_BASE) {
    return {
      kind: 'mock-server' as const,
      target: env.VITE_API_BASE.replace(/\/$/, ''),
      token: env.MOCK_SERVER_TOKEN || 'dapi-serving-console-dev',
    }
  }
  if (env.DATABRICKS_HOST) {
    if (!env.DATABRICKS_TOKEN) throw new Error('DATABRICKS_HOST is set but DATABRICKS_TOKEN is not.')
    const host = env.DATABRICKS_HOST.startsWith('http') ? env.DATABRICKS_HOST : `https://${env.DATABRICKS_HOST}`
    return { kind: 'workspace' as const, target: host.replace(/\/$/, ''), token: env.DATABRICKS_TOKEN }
  }
  return { kind: 'browser-mock' as const, target: '', token: '' }
}

export default defineConfig(({ mode }) => {
  const chosen = backend(mode)
  const proxyOptions: ProxyOptions = {
    target: chosen.target,
    changeOrigin: true,
    secure: true,
    headers: { Authorization: `Bearer ${chosen.token}` },
  }
  const proxy =
    chosen.kind === 'browser-mock' ? undefined : { '/api': proxyOptions, '/serving-endpoints': proxyOptions }
  return {
    plugins: [react()],
    define: {
      'import.meta.env.VITE_BACKEND': JSON.stringify(chosen.kind),
      'import.meta.env.VITE_BACKEND_TARGET': JSON.stringify(chosen.kind === 'workspace' ? new URL(chosen.target).host : chosen.target),
    },
    server: { port: 5173, strictPort: true, proxy },
    preview: { port: 4173, strictPort: true, proxy },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      exclude: ['src/mocks/http-server.test.ts'],
      restoreMocks: true,
    },
  }
})
