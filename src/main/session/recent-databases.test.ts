import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseDatabaseSpec } from '../db/database-target'
import { RecentDatabases } from './recent-databases'

describe('RecentDatabases', () => {
  let dir: string
  let file: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-recent-'))
    file = join(dir, 'nested', 'recent.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('survives a restart, newest first, keeping an entry id when reopened', () => {
    const first = new RecentDatabases(file)
    first.remember(parseDatabaseSpec('/data/a.db'), new Date('2025-01-01T00:00:00Z'))
    first.remember(parseDatabaseSpec('/data/b.db'), new Date('2025-01-02T00:00:00Z'))
    const idOfA = first.list()[1]!.id
    first.remember(parseDatabaseSpec('/data/a.db'), new Date('2025-01-03T00:00:00Z'))
    const again = new RecentDatabases(file)
    expect(again.list().map((e) => [e.label, e.openedAt])).toEqual([
      ['/data/a.db', '2025-01-03T00:00:00.000Z'],
      ['/data/b.db', '2025-01-02T00:00:00.000Z'],
    ])
    expect(again.list()[0]!.id).toBe(idOfA)
    expect(again.specOf(idOfA)).toBe('/data/a.db')
    expect(statSync(file).mode & 0o077).toBe(0)
  })

  it('never writes a PostgreSQL password, and shows no path to the renderer beyond the label', () => {
    const recent = new RecentDatabases(file)
    recent.remember(parseDatabaseSpec('postgresql://momentum:s3cret@db.example:5433/games?schema=x'))
    expect(readFileSync(file, 'utf8')).not.toContain('s3cret')
    const [entry] = recent.list()
    expect(Object.keys(entry!).sort()).toEqual(['dialect', 'id', 'label', 'openedAt'])
    expect(entry!.label).toBe('PostgreSQL db.example:5433/games (schema x)')
    expect(recent.specOf(entry!.id)).toBe('postgresql://momentum@db.example:5433/games?schema=x')
  })

  it('starts empty when the file is damaged, and forgets in-memory databases', () => {
    writeFileSync(join(dir, 'bad.json'), '{"entries": [{"id": 1}]')
    const recent = new RecentDatabases(join(dir, 'bad.json'))
    expect(recent.list()).toEqual([])
    recent.remember(parseDatabaseSpec(':memory:'))
    expect(recent.list()).toEqual([])
    expect(recent.specOf('anything')).toBeUndefined()
  })

  it('keeps at most twelve entries', () => {
    const recent = new RecentDatabases(null)
    for (let i = 0; i < 20; i++) recent.remember(parseDatabaseSpec(`/data/${i}.db`))
    expect(recent.list()).toHaveLength(12)
    expect(recent.list()[0]!.label).toBe('/data/19.db')
  })
})
