import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inspectDatabaseFile } from '../db/sqlite-file-check'
import { createDatabaseFile } from './sqlite-file-create'

describe('createDatabaseFile', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-create-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('creates a file that already has a SQLite header, and nothing else', () => {
    const file = join(dir, 'new.db')
    expect(createDatabaseFile(file)).toBe(true)
    expect(inspectDatabaseFile(file)).toBe('database')
    expect(readdirSync(dir)).toEqual(['new.db'])
  })

  it('creates missing folders', () => {
    const file = join(dir, 'a', 'b', 'new.db')
    expect(createDatabaseFile(file)).toBe(true)
    expect(inspectDatabaseFile(file)).toBe('database')
  })

  it('leaves an existing file alone, even an empty one', () => {
    const file = join(dir, 'empty.db')
    writeFileSync(file, '')
    expect(createDatabaseFile(file)).toBe(false)
    expect(readFileSync(file).length).toBe(0)
    expect(readdirSync(dir)).toEqual(['empty.db'])
  })
})
