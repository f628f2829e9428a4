// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ControlPlane, STATE_KEY, manualClock } from './control-plane'
import { createBody, custom } from './control-plane/test-support'
import { DamagedStateError, fileStorage } from './file-storage'

let dir: string
let path: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'file-storage-'))
  path = join(dir, 'state.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const clock = manualClock(Date.UTC(2030, 0, 1))
const plane = (options: Parameters<typeof fileStorage>[1] = {}) =>
  new ControlPlane({ storage: fileStorage(path, options), clock, defaults: { latencyMs: 0, deployMs: 1000 } })
const names = (cp: ControlPlane) => cp.list().endpoints.map((e) => e.name)

describe('fileStorage', () => {
  it.each([
    ['empty', '', 'it is empty'],
    ['truncated', '{"serving-console.state":{"version":1,"endpoi', 'it is not JSON'],
    ['not JSON', 'hello', 'it is not JSON'],
    ['a list', '[]', 'it holds a list, not an object of saved keys'],
    ['null', 'null', 'it holds null'],
    ['a number', '42', 'it holds 42'],
    ['a state of the wrong version', '{"serving-console.state":{"version":7,"seeded_at":0,"endpoints":[]}}', 'its version is 7'],
    ['a null endpoint', '{"serving-console.state":{"version":1,"seeded_at":0,"endpoints":[null]}}', 'endpoints[0] is null'],
    ['an old-format state that is not JSON', '{"serving-console.state":"{\\"version\\":1,"}', 'it is not JSON'],
    ['a damaged journal line', '{}\n{"set":"k","value":"v"}\n{oops\n{"set":"k","value":"w"}\n', 'line 3 is not JSON'],
  ])('refuses a file that is %s, naming it and the problem, and leaves it as it is', (_, text, problem) => {
    writeFileSync(path, text)
    let error: unknown
    try {
      fileStorage(path)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DamagedStateError)
    expect((error as Error).message).toContain(`the state file ${path} could not be read`)
    expect((error as Error).message).toContain(problem)
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('starts from the seed when the file is missing, and creates it on the first write', () => {
    const cp = plane()
    expect(existsSync(path)).toBe(false)
    expect(names(cp)).toContain('churn-predictor')
    expect(existsSync(path)).toBe(true)
  })

  it('--fresh-state starts from the seed and keeps the old file as .old', () => {
    writeFileSync(path, 'null')
    const cp = plane({ fresh: true })
    expect(names(cp)).toContain('churn-predictor')
    expect(readFileSync(`${path}.old`, 'utf8')).toBe('null')
  })

  it('appends each write as one line, and a new server over the file sees every write', () => {
    const cp = plane()
    cp.create(createBody('churn', [custom('3')], { tags: [{ key: 'team', value: 'growth' }] }))
    cp.remove('sentiment-classifier')
    cp.patchTags('churn', { add_tags: [{ key: 'stage', value: 'prod' }] })
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(4)
    const again = plane()
    expect(names(again)).toEqual(names(cp))
    expect(again.get('churn')).toEqual(cp.get('churn'))
  })

  it('compacts the file to one snapshot line once the appended lines outgrow it, losing nothing', () => {
    const cp = plane({ compactAfterBytes: 0 })
    names(cp)
    for (let i = 0; i < 30; i++) cp.create(createBody(`endpoint-${i}`, [custom('3')]))
    const text = readFileSync(path, 'utf8')
    expect(text.trimEnd().split('\n').length).toBeLessThan(30)
    expect(names(plane())).toEqual(names(cp))
  })

  it('drops a torn last line (a write cut short, never acknowledged) and keeps the rest', () => {
    const cp = plane()
    cp.create(createBody('churn', [custom('3')]))
    writeFileSync(path, readFileSync(path, 'utf8') + '{"put":[{"name":"half')
    const again = plane()
    expect(names(again)).toContain('churn')
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true)
    again.create(createBody('second', [custom('3')]))
    expect(names(plane())).toEqual(expect.arrayContaining(['churn', 'second']))
  })

  it('reads a file written before the journal: the state as a JSON string, no newline', () => {
    const source = plane()
    source.create(createBody('churn', [custom('3')]))
    const state = source.storage.getItem(STATE_KEY) ?? ''
    writeFileSync(path, JSON.stringify({ [STATE_KEY]: state, 'serving-console.mock': '{"deployMs":5}' }))
    const cp = plane()
    expect(names(cp)).toContain('churn')
    expect(cp.controls.read().deployMs).toBe(5)
  })
})
