import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { migrate } from '../db/migrator'
import { createTestDb } from '../db/test-db'
import { backupBesideDatabase, backupDatabase, backupFileName } from './backup'

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('backup', () => {
  let dir: string
  let source: string
  let handle: DatabaseHandle

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-backup-'))
    source = join(dir, 'momentum_ml.db')
    const writer = await openDatabase(parseDatabaseSpec(source), { create: true })
    await migrate(writer)
    await writer.db.insertInto('games').values({ game_id: 'g1', home_team: 'BOS', away_team: 'MIA', game_date: '2025-02-05', status: 'Final', created_at: null }).execute()
    await writer.close()
    handle = await openDatabase(parseDatabaseSpec(source), { readonly: true })
  })
  afterEach(async () => {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  describe('backupDatabase', () => {
    it('writes a complete single-file copy from a read-only handle without changing the source', async () => {
      const before = hash(source)
      const out = join(dir, 'copy.db')
      const result = backupDatabase(handle, out)
      expect(result.file).toBe(out)
      expect(result.sizeBytes).toBeGreaterThan(0)
      const copy = new BetterSqlite3(out, { readonly: true })
      expect(copy.prepare('SELECT game_id FROM games').pluck().all()).toEqual(['g1'])
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
      copy.close()
      expect(hash(source)).toBe(before)
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    })

    it('never overwrites an existing file', () => {
      const out = join(dir, 'earlier.db')
      writeFileSync(out, 'x')
      expect(() => backupDatabase(handle, out)).toThrow(`${out} already exists; a backup never overwrites a file (choose another name)`)
      expect(readFileSync(out, 'utf8')).toBe('x')
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
    })

    it('names the missing folder', () => {
      const out = join(dir, 'nope', 'copy.db')
      expect(() => backupDatabase(handle, out)).toThrow(`cannot write backup ${out}: folder ${join(dir, 'nope')} does not exist`)
    })
  })

  describe('backupBesideDatabase', () => {
    it('names the copy after the file and the UTC time, adding -2 within the same second', () => {
      const now = new Date('2025-02-05T23:04:05.678Z')
      const first = backupBesideDatabase(handle, now)
      const second = backupBesideDatabase(handle, now)
      expect(first.file).toBe(join(dir, 'momentum_ml.backup-20250205-230405.db'))
      expect(second.file).toBe(join(dir, 'momentum_ml.backup-20250205-230405-2.db'))
      expect(hash(first.file)).toBe(hash(second.file))
    })
  })

  describe('backupFileName', () => {
    it('drops only the last extension', () => {
      const now = new Date('2025-01-02T03:04:05Z')
      expect(backupFileName('/data/games.v2.sqlite', now)).toBe('/data/games.v2.backup-20250102-030405.db')
      expect(backupFileName('/data/plain', now, 3)).toBe('/data/plain.backup-20250102-030405-3.db')
    })
  })
})

describe.runIf(process.env.TEST_DATABASE_URL)('backupDatabase [postgres]', () => {
  it('says PostgreSQL is not supported and points at pg_dump', async () => {
    const db = await createTestDb('postgres', { migrated: false })
    try {
      expect(() => backupDatabase(db.handle, join(tmpdir(), 'never.db'))).toThrow(/backup is not supported for PostgreSQL \(use pg_dump\)$/)
    } finally {
      await db.cleanup()
    }
  })
})
