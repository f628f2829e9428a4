// The layering style.md describes, checked on the source: features never import each other, the
// control plane stays free of React, msw and the DOM-facing API code, api/ never imports UI, and no
// runtime import cycles.
import { readdirSync, readFileSync, type Dirent } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface Import {
  specifier: string
  /** Resolved path below src/ for relative imports, else undefined. */
  target?: string
  typeOnly: boolean
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry: Dirent) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const FILES = sourceFiles(SRC).map((path) => relative(SRC, path))
const KNOWN = new Set(FILES)

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = join(dirname(from), specifier)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => KNOWN.has(p))
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(SRC, file), 'utf8')
  const found: Import[] = []
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    const specifier = match[3]
    const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined
    found.push({ specifier, target, typeOnly: Boolean(match[2]) })
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const specifier = match[1]
    found.push({ specifier, target: specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined, typeOnly: false })
  }
  return found
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]))
const featureOf = (file: string) => /^features\/([^/]+)\//.exec(file)?.[1]

/** `file → import` for every import of the files `inLayer` picks that `forbidden` refuses. */
function offending(inLayer: (file: string) => boolean, forbidden: (i: Import, file: string) => boolean): string[] {
  return [...GRAPH]
    .filter(([file]) => inLayer(file))
    .flatMap(([file, imports]) => imports.filter((i) => forbidden(i, file)).map((i) => `${file} → ${i.target ?? i.specifier}`))
}

describe('source layering', () => {
  it('reads the source tree and resolves every relative import', () => {
    expect(FILES.length).toBeGreaterThan(50)
    const unresolved = offending(
      () => true,
      (i) => i.specifier.startsWith('.') && !i.target && !/\.(css|svg|png)$/.test(i.specifier),
    )
    expect(unresolved).toEqual([])
  })

  it('keeps features apart: a feature never imports another feature', () => {
    const crossings = offending(
      (file) => featureOf(file) !== undefined,
      (i, file) => i.target !== undefined && featureOf(i.target) !== undefined && featureOf(i.target) !== featureOf(file),
    )
    expect(crossings).toEqual([])
  })

  it('keeps the control plane pure: no React, msw, DOM-facing API code or app code', () => {
    const leaks = offending(
      (file) => file.startsWith('mocks/control-plane/'),
      (i) =>
        /^(react|react-dom|msw|@tanstack|@radix-ui)(\/|$)/.test(i.specifier) ||
        (i.target !== undefined &&
          !i.target.startsWith('mocks/control-plane/') &&
          !i.target.startsWith('lib/') &&
          // Wire shapes (and permissions' pure level rules) shared with the console.
          !['api/types.ts', 'api/permissions.ts'].includes(i.target)),
    )
    expect(leaks).toEqual([])
  })

  it('keeps api/ free of UI: no components, features, app code or mocks', () => {
    const leaks = offending(
      (file) => file.startsWith('api/'),
      (i) => /^(react-dom|@radix-ui)(\/|$)/.test(i.specifier) || /^(components|features|app|mocks)\//.test(i.target ?? ''),
    )
    expect(leaks).toEqual([])
  })

  it('has no runtime import cycles', () => {
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const stack: string[] = []
    const visit = (file: string) => {
      state.set(file, 'open')
      stack.push(file)
      for (const { target, typeOnly } of GRAPH.get(file) ?? []) {
        if (!target || typeOnly) continue
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '))
        else if (!state.has(target)) visit(target)
      }
      stack.pop()
      state.set(file, 'done')
    }
    for (const file of FILES) if (!state.has(file)) visit(file)
    expect(cycles).toEqual([])
  })
})
