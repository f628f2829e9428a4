/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, loadEnv, type Plugin } from 'vite'
import { consoleProxyGuard, proxyOptions, securityHeadersPlugin } from './src/server/console-proxy.ts'

/**
 * The production build's Content-Security-Policy: same-origin scripts, styles, fetches and workers
 * (the msw service worker included), nothing inline but styles (Radix's scroll lock injects a <style>).
 * Dev mode needs inline scripts for React Refresh, so the policy is added at build time only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/** Dev mode runs React Refresh's inline preamble; nothing else differs. */
const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

function contentSecurityPolicy(): Plugin {
  return {
    name: 'serving-console-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  }
}

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

/** Tests of Node servers: real sockets, no msw interception, no DOM. */
const NODE_TESTS = [
  'src/server/**/*.test.ts',
  'src/mocks/http-server.test.ts',
  'src/mocks/file-storage.test.ts',
  'src/mocks/cli.test.ts',
]

export default defineConfig(({ mode }) => {
  const chosen = backend(mode)
  // In both proxy modes the guard refuses what is not the console's own call from its own page,
  // and no CORS grant is made (see src/server/console-proxy.ts and the README).
  const proxy = chosen.kind === 'browser-mock' ? undefined : proxyOptions(chosen)
  const guard = chosen.kind === 'browser-mock' ? [] : [consoleProxyGuard()]
  return {
    plugins: [
      react(),
      contentSecurityPolicy(),
      securityHeadersPlugin(DEV_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
      ...guard,
    ],
    define: {
      'import.meta.env.VITE_BACKEND': JSON.stringify(chosen.kind),
      'import.meta.env.VITE_BACKEND_TARGET': JSON.stringify(
        chosen.kind === 'workspace' ? new URL(chosen.target).host : chosen.target,
      ),
    },
    resolve: {
      // msw → tough-cookie → tldts (the public-suffix list, 47 kB gzip parsed before the mock answers):
      // the console's mock sets no cookies, so a two-label rule stands in (src/mocks/public-suffix.ts).
      alias: [{ find: /^tldts$/, replacement: fileURLToPath(new URL('src/mocks/public-suffix.ts', import.meta.url)) }],
    },
    server: { port: 5173, strictPort: true, proxy, cors: false },
    preview: { port: 4173, strictPort: true, proxy, cors: false },
    test: {
      // Two projects: the app and the control plane under jsdom with msw/node answering fetch; the
      // Node servers (the workspace proxy, the HTTP mock server and its state file) over real sockets,
      // where msw must not intercept.
      projects: [
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            setupFiles: ['./src/test/setup.ts'],
            include: ['src/**/*.test.{ts,tsx}'],
            exclude: NODE_TESTS,
          },
        },
        { extends: true, test: { name: 'node', environment: 'node', include: NODE_TESTS } },
      ],
      restoreMocks: true,
      // react-router and react-router/dom must share one router context; under Node their package
      // exports resolve to CommonJS and ES builds that do not, so both are pinned to the ES build.
      alias: [
        {
          find: /^react-router$/,
          replacement: fileURLToPath(new URL('node_modules/react-router/dist/development/index.mjs', import.meta.url)),
        },
        {
          find: /^react-router\/dom$/,
          replacement: fileURLToPath(new URL('node_modules/react-router/dist/development/dom-export.mjs', import.meta.url)),
        },
      ],
    },
  }
})
