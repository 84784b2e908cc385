import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refuseTruncatedDatabase } from './sqlite-truncation-check'

describe('refuseTruncatedDatabase', () => {
  let dir: string
  let good: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-truncated-'))
    good = join(dir, 'good.db')
    const db = new BetterSqlite3(good)
    db.exec('CREATE TABLE t (x TEXT)')
    db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(40_000))
    db.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const cut = (bytes: number): string => {
    const file = join(dir, `cut-${bytes}.db`)
    writeFileSync(file, readFileSync(good).subarray(0, bytes))
    return file
  }

  it('accepts a complete database', () => {
    expect(() => refuseTruncatedDatabase(good)).not.toThrow()
  })

  it('refuses a copy shorter than its header says, naming the sizes', () => {
    const file = cut(4096)
    const pages = readFileSync(good).length / 4096
    expect(() => refuseTruncatedDatabase(file)).toThrow(`${file} is truncated: its header promises ${pages} pages of 4096 bytes (${pages * 4096} bytes) but the file has 4096`)
  })

  it('leaves files it cannot judge to the normal open', () => {
    const text = join(dir, 'text.db')
    writeFileSync(text, 'not a database at all, but long enough to have a header '.repeat(4))
    expect(() => refuseTruncatedDatabase(text)).not.toThrow()
    expect(() => refuseTruncatedDatabase(join(dir, 'missing.db'))).not.toThrow()
    expect(() => refuseTruncatedDatabase(dir)).not.toThrow()
    expect(() => refuseTruncatedDatabase(cut(50))).not.toThrow()
  })

  it('trusts a live -wal beside the file', () => {
    const file = cut(8192)
    writeFileSync(`${file}-wal`, Buffer.alloc(32))
    expect(() => refuseTruncatedDatabase(file)).not.toThrow()
  })
})
