import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import { openDatabase } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { migrate } from '../db/migrator'
import { buildPythonDatabase } from '../db/python-fixtures'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { checkHealth } from './health.service'

const LATEST = migrations.at(-1)!.version
const AFTER_PYTHON = migrations.map((m) => m.version).filter((v) => v > '003')

const part = (report: Awaited<ReturnType<typeof checkHealth>>, name: string) => report.parts.find((p) => p.name === name)

describeEachDialect('checkHealth', (dialect) => {
  let testDb: TestDb | null = null
  afterEach(async () => {
    await testDb?.cleanup()
    testDb = null
  })

  it('reports a migrated database healthy, part by part', async () => {
    testDb = await createTestDb(dialect)
    const report = await checkHealth(testDb.handle)
    expect(report.ok).toBe(true)
    expect(report.parts.every((p) => p.ok && p.level === 'ok')).toBe(true)
    expect(report).toMatchObject({ dialect, location: testDb.handle.label, schemaVersion: LATEST, latestVersion: LATEST, pendingMigrations: [], foreignKeyViolations: 0 })
    expect(report.rowCounts).toMatchObject({ games: 0, events: 0, tmi_calculations: 0, schema_migrations: migrations.length })
    expect(report.sizeBytes).toBeGreaterThan(0)
    expect(report.latencyMs).toBeGreaterThanOrEqual(0)
    if (dialect === 'sqlite') {
      expect(report).toMatchObject({ journalMode: 'wal', quickCheck: 'ok', pool: null })
    } else {
      expect(report.journalMode).toBeNull()
      expect(report.pool).toMatchObject({ waitingCount: 0 })
      expect(part(report, 'pool')?.ok).toBe(true)
    }
  })

  it('treats pending migrations as a warning, not a failure', async () => {
    testDb = await createTestDb(dialect, { migrated: false })
    await migrate(testDb.handle, { to: '003' })
    const report = await checkHealth(testDb.handle)
    expect(report.ok).toBe(true)
    expect(report.pendingMigrations).toEqual(AFTER_PYTHON)
    expect(part(report, 'migrations')).toMatchObject({ ok: true, level: 'warning', detail: `pending ${AFTER_PYTHON.join(', ')} (run "momentum migrate")` })
    expect(part(report, 'schema-version')).toMatchObject({ level: 'warning', detail: `003 (this app's latest is ${LATEST})` })
  })

  it('treats migrations from a newer app as a warning that says reads still work', async () => {
    testDb = await createTestDb(dialect)
    await testDb.handle.db.insertInto('schema_migrations').values({ version: '999', description: 'future' }).execute()
    const report = await checkHealth(testDb.handle)
    expect(report.ok).toBe(true)
    expect(report.unknownMigrations).toEqual(['999'])
    expect(part(report, 'migrations')?.detail).toContain('recorded by a newer MomentumML: 999 (reads work;')
  })

  it('fails on a database without the MomentumML tables', async () => {
    testDb = await createTestDb(dialect, { migrated: false })
    const report = await checkHealth(testDb.handle)
    expect(report.ok).toBe(false)
    expect(part(report, 'tables')).toMatchObject({ ok: false, level: 'error' })
    expect(part(report, 'tables')?.detail).toMatch(/^missing tables games, events, tmi_calculations/)
  })

  it('counts rows that point at a missing game', async () => {
    testDb = await createTestDb(dialect)
    const { handle } = testDb
    if (dialect === 'sqlite') handle.sqlite!.pragma('foreign_keys = OFF')
    else await sql`ALTER TABLE events DROP CONSTRAINT events_game_id_fkey`.execute(handle.db)
    await handle.db
      .insertInto('events')
      .values({ event_id: 'orphan', game_id: 'gone', team_tricode: 'BOS', player_name: null, event_type: 'shot', clock: '1:00', period: 1, points_total: 0, shot_result: null, description: null, timestamp: null, order_number: null, clock_seconds: null })
      .execute()
    const report = await checkHealth(handle)
    expect(report.ok).toBe(false)
    expect(report.foreignKeyViolations).toBe(1)
    expect(part(report, 'foreign-keys')).toMatchObject({ ok: false, detail: '1 rows point at a missing parent (events → games: 1)' })
  })
})

describe('checkHealth [sqlite files]', () => {
  const dirs: string[] = []
  const tempFile = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-health-'))
    dirs.push(dir)
    return join(dir, name)
  }
  const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it('reports a Python database ok with pending migrations, without changing the file', async () => {
    const file = tempFile('python.db')
    buildPythonDatabase(file, 'migrated')
    const before = hash(file)
    const handle = await openDatabase(parseDatabaseSpec(file), { readonly: true })
    const report = await checkHealth(handle)
    await handle.close()
    expect(report).toMatchObject({ ok: true, journalMode: 'delete', schemaVersion: '003', pendingMigrations: AFTER_PYTHON })
    expect(report.rowCounts).toEqual({ events: 5, games: 3, schema_migrations: 3, tmi_calculations: 4 })
    expect(hash(file)).toBe(before)
  })

  it('reports damaged pages found by quick_check', async () => {
    const file = tempFile('damaged.db')
    const handle = await openDatabase(parseDatabaseSpec(file), { create: true })
    await migrate(handle)
    await handle.db.insertInto('games').values({ game_id: 'g', home_team: 'A', away_team: 'B', game_date: '2025-01-01', status: 'Final', created_at: null }).execute()
    const row = (i: number) => ({ event_id: `e${i}`, game_id: 'g', team_tricode: 'A', player_name: 'x'.repeat(200), event_type: 'shot', clock: '1:00', period: 1, points_total: i, shot_result: null, description: 'y'.repeat(200), timestamp: null, order_number: i, clock_seconds: null })
    await handle.db.insertInto('events').values(Array.from({ length: 400 }, (_, i) => row(i))).execute()
    handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)')
    const pageSize = Number(handle.sqlite!.pragma('page_size', { simple: true }))
    // A leaf page of the events table: flipping its header and cell pointers is real damage.
    const page = handle.sqlite!.prepare("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' LIMIT 1").pluck().get() as number
    await handle.close()
    const bytes = readFileSync(file)
    const start = pageSize * (page - 1)
    for (let i = start; i < start + 64; i++) bytes[i] = bytes[i]! ^ 0xff
    writeFileSync(file, bytes)
    const damaged = await openDatabase(parseDatabaseSpec(file), { readonly: true })
    const report = await checkHealth(damaged)
    await damaged.close()
    expect(report.ok).toBe(false)
    expect(report.quickCheck).not.toBe('ok')
    expect(part(report, 'quick-check')).toMatchObject({ ok: false, level: 'error' })
  })
})
