import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveStaticFile } from './http-static'

describe('resolveStaticFile', () => {
  let dir: string
  let root: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-static-'))
    root = join(dir, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<html>')
    writeFileSync(join(root, 'assets', 'app.js'), '')
    writeFileSync(join(dir, 'secret.txt'), 'secret')
    symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('finds files inside the folder and falls back to index.html for screens', () => {
    expect(resolveStaticFile(root, '/assets/app.js')).toMatch(/assets\/app\.js$/)
    expect(resolveStaticFile(root, '/')).toMatch(/index\.html$/)
    expect(resolveStaticFile(root, '/games/0022400718')).toMatch(/index\.html$/)
    expect(resolveStaticFile(root, '/assets/missing.js')).toBeNull()
  })

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/assets/..%5c..%5csecret.txt', '/assets/link.js', '/%00', '/%E0%A4%A'])('refuses %s', (path) => {
    expect(resolveStaticFile(root, path)).toBe('outside')
  })
})
