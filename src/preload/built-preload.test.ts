import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const BUILT = join(root, 'out/preload/index.cjs')

/**
 * A sandboxed preload cannot load ES modules and may require only `electron` (electron-vite's
 * "limitations of sandboxing"). Checks the electron-vite output when it exists, else an esbuild
 * bundle made with the same settings (CommonJS, one file, electron external).
 */
describe('the built preload', () => {
  let code: string
  let temp: string | null = null

  beforeAll(async () => {
    if (existsSync(BUILT)) {
      code = readFileSync(BUILT, 'utf8')
      return
    }
    temp = mkdtempSync(join(tmpdir(), 'momentum-preload-'))
    await build({ absWorkingDir: root, entryPoints: ['src/preload/index.ts'], outfile: join(temp, 'index.cjs'), bundle: true, format: 'cjs', platform: 'node', external: ['electron'], logLevel: 'error' })
    code = readFileSync(join(temp, 'index.cjs'), 'utf8')
  })
  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true })
  })

  it('has no import statement or dynamic import', () => {
    expect(code).not.toMatch(/^\s*import[\s{*]/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
    expect(code).not.toMatch(/^\s*export\s/m)
  })

  it('requires electron and nothing else', () => {
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1])
    expect(required.length).toBeGreaterThan(0)
    expect(new Set(required)).toEqual(new Set(['electron']))
    expect(code).not.toMatch(/\brequire\(\s*[^"'`\s]/)
  })

  it('bundles the contract and exposes only window.api, without process.env', () => {
    expect(code).toContain('"games:list"')
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1)
    expect(code).not.toMatch(/process\.env/)
    expect(code).not.toMatch(/window\.\w+\s*=/)
  })
})
