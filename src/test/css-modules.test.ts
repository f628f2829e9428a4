// CSS modules fail silently: `styles.typo` is undefined and the element loses its style. This walks
// every component's imports of a CSS module and checks both ways: each class a component names
// exists in the module it imports, and each class a module defines is named by some importer.
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** Class names a stylesheet defines (comments, url() contents and :global() classes skipped). */
function classesOf(css: string): Set<string> {
  const text = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/url\([^)]*\)/g, '')
    .replace(/:global\([^)]*\)/g, '')
  return new Set([...text.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]))
}

interface Use {
  file: string
  module: string
  names: string[]
  /** `styles[variant]`: any class may be named, so none counts as unused. */
  dynamic: boolean
}

const uses: Use[] = sources(SRC).flatMap((file) => {
  const code = readFileSync(file, 'utf8')
  return [...code.matchAll(/^import (\w+) from '(\.[^']+\.module\.css)'$/gm)].map(([, binding, spec]) => ({
    file: relative(SRC, file),
    module: resolve(dirname(file), spec),
    names: [...code.matchAll(new RegExp(String.raw`(?<![\w.-])${binding}(?:\.(\w+)|\['([\w-]+)'\])`, 'g'))].map(
      (m) => m[1] ?? m[2],
    ),
    dynamic: new RegExp(String.raw`(?<![\w.-])${binding}\[(?!')`).test(code),
  }))
})

describe('CSS modules', () => {
  it('finds the components that import a module (the walk itself works)', () => {
    expect(uses.length).toBeGreaterThan(20)
  })

  it.each(uses.map((use) => [use.file, relative(SRC, use.module), use] as const))(
    '%s names only classes that %s defines',
    (_file, _module, use) => {
      const defined = classesOf(readFileSync(use.module, 'utf8'))
      expect(use.names.filter((name) => !defined.has(name))).toEqual([])
    },
  )

  const modules = [...new Set(uses.map((use) => use.module))]
  it.each(modules.map((module) => [relative(SRC, module), module] as const))(
    '%s defines no class its importers never name',
    (_name, module) => {
      const importers = uses.filter((use) => use.module === module)
      if (importers.some((use) => use.dynamic)) return
      const named = new Set(importers.flatMap((use) => use.names))
      expect([...classesOf(readFileSync(module, 'utf8'))].filter((name) => !named.has(name))).toEqual([])
    },
  )
})
