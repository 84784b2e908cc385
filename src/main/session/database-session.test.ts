import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseInfo } from '../../shared/domain/admin'
import { openDatabase } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { migrate } from '../db/migrator'
import { createTestDb, describeEachDialect } from '../db/test-db'
import { DatabaseSession } from './database-session'
import { FileRegistry } from './file-registry'
import { RecentDatabases } from './recent-databases'

describe('DatabaseSession', () => {
  let dir: string
  let session: DatabaseSession
  let changes: Array<DatabaseInfo | null>

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-session-'))
    changes = []
    session = new DatabaseSession({ recent: new RecentDatabases(join(dir, 'recent.json')), onChange: (info) => changes.push(info) })
  })
  afterEach(async () => {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates and migrates the default file on the first start only', async () => {
    const target = parseDatabaseSpec(join(dir, 'momentum_ml.db'))
    const info = await session.openDefault(target)
    expect(info).toMatchObject({ pendingMigrations: [], isEmpty: true, readonly: false })
    expect(changes).toEqual([info])
    expect(session.workerDatabase()).toEqual({ target, readonly: false })
  })

  it('opens an existing database as it is, pending migrations and all', async () => {
    const file = join(dir, 'old.db')
    const handle = await openDatabase(parseDatabaseSpec(file), { create: true })
    await migrate(handle, { to: '001' })
    await handle.close()
    const info = await session.openDefault(parseDatabaseSpec(file))
    expect(info.schemaVersion).toBe('001')
    expect(info.pendingMigrations.length).toBeGreaterThan(0)
    expect((await session.info())!.pendingMigrations).toEqual(info.pendingMigrations)
  })

  it('keeps the open database when switching to a bad file fails', async () => {
    await session.openDefault(parseDatabaseSpec(join(dir, 'good.db')))
    writeFileSync(join(dir, 'bad.db'), 'this is not a database, just text that is long enough to have a header')
    await expect(session.open(parseDatabaseSpec(join(dir, 'bad.db')))).rejects.toMatchObject({ code: 'NotADatabase' })
    await expect(session.open(parseDatabaseSpec(join(dir, 'missing.db')))).rejects.toMatchObject({ code: 'NotFound' })
    expect(existsSync(join(dir, 'missing.db'))).toBe(false)
    expect((await session.info())!.label).toBe(join(dir, 'good.db'))
  })

  it('opens read-only, and refuses to share an in-memory database with a worker', async () => {
    await session.openDefault(parseDatabaseSpec(join(dir, 'a.db')))
    const info = await session.open(parseDatabaseSpec(join(dir, 'a.db')), { readonly: true })
    expect(info.readonly).toBe(true)
    await session.open(parseDatabaseSpec(':memory:'))
    expect(() => session.workerDatabase()).toThrow(expect.objectContaining({ code: 'InvalidInput' }))
    await session.close()
    expect(() => session.require()).toThrow(expect.objectContaining({ code: 'NotFound' }))
  })
})

describeEachDialect('DatabaseSession.open', (dialect) => {
  it('opens the test database and remembers it', async () => {
    const testDb = await createTestDb(dialect)
    const recent = new RecentDatabases(null)
    const session = new DatabaseSession({ recent })
    try {
      const info = await session.open(parseDatabaseSpec(testDb.spec))
      expect(info).toMatchObject({ dialect, pendingMigrations: [], isEmpty: true })
      // The Admin panel's Size: the file on SQLite, pg_database_size on PostgreSQL (as health reports).
      expect(info.sizeBytes).toBeGreaterThan(0)
      expect(recent.list()[0]).toMatchObject({ dialect, label: info.label })
    } finally {
      await session.close()
      await testDb.cleanup()
    }
  })
})

describe('FileRegistry', () => {
  it('resolves only ids it issued', () => {
    const files = new FileRegistry()
    const id = files.register('/data/game.json')
    expect(files.resolve(id)).toBe('/data/game.json')
    expect(() => files.resolve('/data/game.json')).toThrow(expect.objectContaining({ code: 'NotFound' }))
    files.forget(id)
    expect(files.has(id)).toBe(false)
  })

  it('names an upload as the user did and a picked file by its path', () => {
    const files = new FileRegistry()
    const upload = files.register('/tmp/momentum-serve-x/upload-1/bad.json', 'bad.json')
    const picked = files.register('/data/game.json')
    expect(files.nameOf(upload)).toBe('bad.json')
    expect(files.resolve(upload)).toBe('/tmp/momentum-serve-x/upload-1/bad.json')
    expect(files.nameOf(picked)).toBe('/data/game.json')
  })
})
