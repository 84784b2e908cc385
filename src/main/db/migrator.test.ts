import { sql } from 'kysely'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations, type Migration } from '../../../migrations'
import { openDatabase, type DatabaseHandle } from './connection'
import { parseDatabaseSpec } from './database-target'
import { listTables } from './introspection'
import { migrationChecksum, readMigrationStatus } from './migration-status'
import { migrate, rollback } from './migrator'
import { buildPythonDatabase, readDatabaseSchema } from './python-fixtures'
import { createTestDb, describeEachDialect, type TestDb } from './test-db'
import { parseTimestamp } from './timestamps'

const ALL = migrations.map((m) => m.version)

const goodMigration: Migration = {
  version: '900',
  description: 'Add a scratch table',
  up: () => ['CREATE TABLE scratch_900 (id INTEGER PRIMARY KEY, note TEXT)', "INSERT INTO scratch_900 (id, note) VALUES (1, 'kept')"],
  down: () => ['DROP TABLE scratch_900'],
  provides: { tables: ['scratch_900'] },
}

/** Changes schema and rows, then hits invalid SQL in its second-to-last statement. */
function brokenMigration(version: string): Migration {
  return {
    version,
    description: 'Broken on purpose',
    up: () => [
      `CREATE TABLE broken_${version} (id INTEGER)`,
      "UPDATE games SET status = 'Tampered'",
      'THIS IS NOT SQL',
      'ALTER TABLE games ADD COLUMN never_added TEXT',
    ],
    down: () => [`DROP TABLE broken_${version}`],
  }
}

const opened: TestDb[] = []

async function testDb(dialect: DatabaseHandle['dialect'], migrated = false): Promise<DatabaseHandle> {
  const test = await createTestDb(dialect, { migrated })
  opened.push(test)
  return test.handle
}

afterEach(async () => {
  for (const test of opened.splice(0)) await test.cleanup()
})

async function seedGame(handle: DatabaseHandle): Promise<void> {
  await handle.db.insertInto('games').values({ game_id: 'test_game_001', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-15', status: 'Live', created_at: '2025-10-23 16:35:45' }).execute()
  await handle.db
    .insertInto('events')
    .values({ event_id: 'test_event_001', game_id: 'test_game_001', team_tricode: 'LAL', player_name: 'LeBron James', event_type: 'shot', clock: '11:45', period: 1, points_total: 2, shot_result: 'Made', description: 'LeBron James makes 2-pt shot', timestamp: '2025-10-23 11:35:45.336995', order_number: null, clock_seconds: null })
    .execute()
}

/** Schema (columns, indexes) plus every row of every table, in primary-key order. */
async function dumpDatabase(handle: DatabaseHandle): Promise<unknown> {
  const schema = await readDatabaseSchema(handle)
  const rows: Record<string, unknown[]> = {}
  for (const table of await listTables(handle.db, handle.dialect)) {
    const keys = schema.columns[table]!.filter((c) => c.pk > 0).map((c) => c.name)
    const order = keys.length > 0 ? keys : [schema.columns[table]![0]!.name]
    rows[table] = (await sql`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(order.map((c) => sql.ref(c)))}`.execute(handle.db)).rows
  }
  return { schema, rows }
}

async function recordedVersions(handle: DatabaseHandle): Promise<string[]> {
  return (await handle.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map((r) => r.version)
}

describeEachDialect('migrate', (dialect) => {
  it('applies pending migrations in order and records version, description, applied_at and checksum', async () => {
    const handle = await testDb(dialect)
    const seen: string[] = []
    const run = await migrate(handle, { onStep: (step) => seen.push(`${step.index + 1}/${step.total} ${step.version}`) })

    expect(run.error).toBeNull()
    expect(seen).toEqual(ALL.map((v, i) => `${i + 1}/${ALL.length} ${v}`))
    expect(run.steps.map((s) => s.version)).toEqual(ALL)
    expect(run.steps[0]!.statements[0]).toContain('CREATE TABLE IF NOT EXISTS games')
    const rows = await handle.db.selectFrom('schema_migrations').selectAll().orderBy('version').execute()
    expect(rows.map((r) => [r.version, r.description, r.checksum])).toEqual(migrations.map((m) => [m.version, m.description, migrationChecksum(m)]))
    for (const row of rows) {
      // CURRENT_TIMESTAMP, UTC wall clock on both dialects.
      const appliedAt = parseTimestamp(row.applied_at)
      expect(appliedAt, row.version).not.toBeNull()
      expect(Math.abs(appliedAt!.getTime() - Date.now())).toBeLessThan(60_000)
    }
    expect(run.status).toMatchObject({ pending: [], changed: [], unknown: [], current: ALL.at(-1), latest: ALL.at(-1) })
  })

  it('does nothing when the database is up to date', async () => {
    const handle = await testDb(dialect, true)
    const before = await dumpDatabase(handle)
    const run = await migrate(handle)
    expect(run.error).toBeNull()
    expect(run.steps).toEqual([])
    expect(await dumpDatabase(handle)).toEqual(before)
  })

  it('stops after --to and applies the rest on the next run', async () => {
    const handle = await testDb(dialect)
    const first = await migrate(handle, { to: '002' })
    expect(first.error).toBeNull()
    expect(first.steps.map((s) => s.version)).toEqual(['001', '002'])
    expect(first.status.current).toBe('002')
    expect(first.status.pending).toEqual(ALL.slice(2))
    expect(await recordedVersions(handle)).toEqual(['001', '002'])

    const rest = await migrate(handle)
    expect(rest.steps.map((s) => s.version)).toEqual(ALL.slice(2))
  })

  it('refuses an unknown --to without changing anything', async () => {
    const handle = await testDb(dialect)
    const run = await migrate(handle, { to: '042' })
    expect(run.error).toMatchObject({ code: 'InvalidInput' })
    expect(run.error!.message).toContain('042')
    expect(run.steps).toEqual([])
    expect(await listTables(handle.db, dialect)).toEqual([])
  })

  describe('dry run', () => {
    it('returns the SQL that would run and changes nothing', async () => {
      const handle = await testDb(dialect)
      await migrate(handle, { to: '003' })
      const before = await dumpDatabase(handle)
      const file = handle.dialect === 'sqlite' ? handle.target.dialect === 'sqlite' && handle.target.file : null
      const fileSums = () => (file ? [file, `${file}-wal`].filter(existsSync).map((f) => createHash('sha256').update(readFileSync(f)).digest('hex')) : [])
      const sumsBefore = fileSums()

      const run = await migrate(handle, { dryRun: true })

      expect(run.error).toBeNull()
      expect(run.steps.map((s) => s.version)).toEqual(ALL.slice(3))
      expect(run.steps[0]!.statements).toEqual(['ALTER TABLE schema_migrations ADD COLUMN checksum TEXT'])
      expect(run.steps.flatMap((s) => s.statements)).toContain('CREATE INDEX IF NOT EXISTS idx_tmi_game_algorithm ON tmi_calculations (game_id, algorithm, team_tricode, possession_number)')
      expect(run.status.pending).toEqual(ALL.slice(3))
      expect(await dumpDatabase(handle)).toEqual(before)
      expect(fileSums()).toEqual(sumsBefore)
    })

    it('does not create schema_migrations on a new database', async () => {
      const handle = await testDb(dialect)
      const run = await migrate(handle, { dryRun: true, to: '001' })
      expect(run.steps.map((s) => s.version)).toEqual(['001'])
      expect(await listTables(handle.db, dialect)).toEqual([])
    })
  })

  describe('when a migration fails', () => {
    it('leaves the database exactly as it was before that migration and does not record it', async () => {
      const handle = await testDb(dialect, true)
      await seedGame(handle)
      const before = await dumpDatabase(handle)

      const run = await migrate(handle, {}, [...migrations, brokenMigration('900')])

      expect(run.error).not.toBeNull()
      expect(run.error!.message).toContain('migration 900 (Broken on purpose) failed and was rolled back')
      expect(run.error!.message).not.toContain('\n')
      expect(run.steps).toEqual([])
      expect(run.status.pending).toEqual(['900'])
      expect(await dumpDatabase(handle)).toEqual(before)
    })

    it('keeps the migrations applied before it in the same run', async () => {
      const handle = await testDb(dialect, true)
      await seedGame(handle)
      const known = [...migrations, goodMigration, brokenMigration('901')]

      const run = await migrate(handle, {}, known)

      expect(run.steps.map((s) => s.version)).toEqual(['900'])
      expect(run.error!.message).toContain('migration 901')
      expect(await recordedVersions(handle)).toEqual([...ALL, '900'])
      expect(await listTables(handle.db, dialect)).toContain('scratch_900')
      expect(await listTables(handle.db, dialect)).not.toContain('broken_901')
      expect(await handle.db.selectFrom('games').select('status').execute()).toEqual([{ status: 'Live' }])
      const status = await readMigrationStatus(handle.db, dialect, known)
      expect(status.pending).toEqual(['901'])
      expect(status.current).toBe('900')
    })
  })

  describe('on a database written by a newer app', () => {
    it('refuses to migrate or roll back, while reads keep working', async () => {
      const handle = await testDb(dialect, true)
      await seedGame(handle)
      await handle.db.insertInto('schema_migrations').values({ version: '999', description: 'From the future', applied_at: '2030-01-01 00:00:00', checksum: null }).execute()
      const before = await dumpDatabase(handle)

      const up = await migrate(handle, {}, [...migrations, goodMigration])
      expect(up.error).toMatchObject({ code: 'NewerSchema' })
      expect(up.error!.message).toContain('999')
      expect(up.steps).toEqual([])

      const down = await rollback(handle)
      expect(down.error).toMatchObject({ code: 'NewerSchema' })
      expect(down.steps).toEqual([])

      const dry = await migrate(handle, { dryRun: true }, [...migrations, goodMigration])
      expect(dry.error).toMatchObject({ code: 'NewerSchema' })

      const status = await readMigrationStatus(handle.db, dialect)
      expect(status.unknown).toEqual(['999'])
      expect(status.entries.at(-1)).toMatchObject({ version: '999', state: 'unknown', description: 'From the future' })
      expect(await handle.db.selectFrom('events').select('event_id').execute()).toEqual([{ event_id: 'test_event_001' }])
      expect(await dumpDatabase(handle)).toEqual(before)
    })
  })

  it('reports a migration whose recorded checksum differs as changed', async () => {
    const handle = await testDb(dialect, true)
    await handle.db.updateTable('schema_migrations').set({ checksum: 'f'.repeat(64) }).where('version', '=', '002').execute()

    const status = await readMigrationStatus(handle.db, dialect)

    expect(status.changed).toEqual(['002'])
    expect(status.entries.find((e) => e.version === '002')).toMatchObject({ state: 'changed', recordedChecksum: 'f'.repeat(64), checksum: migrationChecksum(migrations[1]!) })
    expect(status.pending).toEqual([])
    expect(status.entries.filter((e) => e.state === 'applied').map((e) => e.version)).toEqual(ALL.filter((v) => v !== '002'))
  })

  it('refuses to migrate while an applied migration differs from this build, changing nothing', async () => {
    const handle = await testDb(dialect, true)
    await rollback(handle, { to: '005' })
    await handle.db.updateTable('schema_migrations').set({ checksum: 'f'.repeat(64) }).where('version', '=', '002').execute()

    const run = await migrate(handle)

    expect(run.error).toMatchObject({ code: 'Conflict' })
    expect(run.error!.message).toContain('002')
    expect(run.steps).toEqual([])
    expect(run.status.pending).toEqual(ALL.filter((v) => v > '005'))
  })

  describe('cancellation', () => {
    it('stops between migrations and keeps those already applied', async () => {
      const handle = await testDb(dialect)
      const controller = new AbortController()
      const run = await migrate(handle, {
        signal: controller.signal,
        onStep: (step) => {
          if (step.version === '002') controller.abort()
        },
      })
      expect(run.error).toMatchObject({ code: 'Cancelled' })
      expect(run.steps.map((s) => s.version)).toEqual(['001', '002'])
      expect(await recordedVersions(handle)).toEqual(['001', '002'])
      expect(run.status.pending).toEqual(ALL.slice(2))
    })

    it('applies nothing when the signal is already aborted', async () => {
      const handle = await testDb(dialect)
      const run = await migrate(handle, { signal: AbortSignal.abort() })
      expect(run.error).toMatchObject({ code: 'Cancelled' })
      expect(run.steps).toEqual([])
      expect(await recordedVersions(handle)).toEqual([])
    })
  })

  // SQLite's driver is synchronous, so two runs in one process would block each other; PostgreSQL only.
  if (dialect === 'postgres') {
    it('serialises two concurrent runs: one applies, the other finds nothing pending', async () => {
      const test = await createTestDb(dialect, { migrated: false })
      opened.push(test)
      const second = await openDatabase(parseDatabaseSpec(test.spec))
      try {
        const [a, b] = await Promise.all([migrate(test.handle), migrate(second)])
        expect(a.error).toBeNull()
        expect(b.error).toBeNull()
        expect([a.steps.length, b.steps.length].sort((x, y) => x - y)).toEqual([0, ALL.length])
        expect(await recordedVersions(test.handle)).toEqual(ALL)
      } finally {
        await second.close()
      }
    })

    it('works in UTC sessions so CURRENT_TIMESTAMP defaults are UTC wall clock', async () => {
      const handle = await testDb(dialect)
      const { rows } = await sql<{ tz: string }>`SELECT current_setting('TimeZone') AS tz`.execute(handle.db)
      expect(rows[0]!.tz).toBe('UTC')
    })
  }
})

describeEachDialect('rollback', (dialect) => {
  it('rolls back the latest migration and removes its record', async () => {
    const handle = await testDb(dialect, true)
    const run = await rollback(handle)
    expect(run.error).toBeNull()
    expect(run.steps.map((s) => s.version)).toEqual([ALL.at(-1)])
    expect(run.status.current).toBe(ALL.at(-2))
    expect(run.status.pending).toEqual([ALL.at(-1)])
    expect(await recordedVersions(handle)).toEqual(ALL.slice(0, -1))
  })

  it('runs the down statements of each rolled-back migration', async () => {
    const handle = await testDb(dialect, true)
    const run = await rollback(handle, { to: '005' })
    expect(run.error).toBeNull()
    expect(run.steps.find((s) => s.version === '006')!.statements).toContain('DROP INDEX IF EXISTS idx_tmi_game_algorithm')
    const columns = (await readDatabaseSchema(handle, ['tmi_calculations'])).columns.tmi_calculations!.map((c) => c.name)
    expect(columns).not.toContain('algorithm')
  })

  it('rolls back every migration above --to, newest first', async () => {
    const handle = await testDb(dialect, true)
    await seedGame(handle)
    const run = await rollback(handle, { to: '003' })
    expect(run.error).toBeNull()
    expect(run.steps.map((s) => s.version)).toEqual(ALL.filter((v) => v > '003').reverse())
    expect(await recordedVersions(handle)).toEqual(['001', '002', '003'])
    // Down to the original schema, data intact.
    expect(await handle.db.selectFrom('events').select(['event_id', 'description']).execute()).toEqual([{ event_id: 'test_event_001', description: 'LeBron James makes 2-pt shot' }])
  })

  it('refuses an unknown --to', async () => {
    const handle = await testDb(dialect, true)
    const run = await rollback(handle, { to: '042' })
    expect(run.error).toMatchObject({ code: 'InvalidInput' })
    expect(await recordedVersions(handle)).toEqual(ALL)
  })

  it('does nothing when nothing is applied', async () => {
    const handle = await testDb(dialect)
    const run = await rollback(handle)
    expect(run.error).toBeNull()
    expect(run.steps).toEqual([])
  })
})

/** Another process that applies 001 under the write lock, as a second migrator would, and commits after `holdMs`. */
function applyFirstMigrationElsewhere(file: string, holdMs: number): { locked: Promise<void>; done: Promise<number | null> } {
  const script = `
    const Database = require('better-sqlite3')
    const [file, holdMs, statements] = process.argv.slice(1)
    const db = new Database(file, { timeout: 10000 })
    db.exec('BEGIN IMMEDIATE')
    for (const statement of JSON.parse(statements)) db.exec(statement)
    db.prepare("INSERT INTO schema_migrations (version, description) VALUES ('001', 'Initial database schema')").run()
    process.stdout.write('locked\\n')
    setTimeout(() => { db.exec('COMMIT'); db.close() }, Number(holdMs))
  `
  const statements = [
    'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)',
    ...migrations[0]!.up('sqlite').map((s) => (typeof s === 'string' ? s : s.sql)),
  ]
  const child = spawn(process.execPath, ['-e', script, file, String(holdMs), JSON.stringify(statements)], {
    cwd: join(import.meta.dirname, '..', '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve())
    child.on('exit', (code) => reject(new Error(`migrator process exited (${code}) before locking`)))
  })
  return { locked, done: new Promise((resolve) => child.on('exit', resolve)) }
}

describe('migrate [sqlite only]', () => {
  it('waits for another process migrating the same file and re-reads what is applied under the lock', async () => {
    const handle = await testDb('sqlite')
    const file = (handle.target as { file: string }).file
    const other = applyFirstMigrationElsewhere(file, 300)
    await other.locked

    const run = await migrate(handle)

    expect(await other.done).toBe(0)
    expect(run.error).toBeNull()
    expect(run.steps.map((s) => s.version)).toEqual(ALL.slice(1))
    expect(await recordedVersions(handle)).toEqual(ALL)
  })

  it('gives up with Busy when another process holds the lock past lockTimeoutMs, having changed nothing', async () => {
    const handle = await testDb('sqlite')
    const file = (handle.target as { file: string }).file
    const other = applyFirstMigrationElsewhere(file, 1_500)
    await other.locked

    const run = await migrate(handle, { lockTimeoutMs: 200 })

    expect(run.error).toMatchObject({ code: 'Busy' })
    expect(run.error!.message).toContain(file)
    expect(run.steps).toEqual([])
    expect(await other.done).toBe(0)
    expect(await recordedVersions(handle)).toEqual(['001'])
  })

  it('refuses to run on a read-only handle, though a dry run still works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-migrator-'))
    try {
      const file = join(dir, 'python.db')
      buildPythonDatabase(file, 'migrated')
      const handle = await openDatabase(parseDatabaseSpec(file), { readonly: true })
      const run = await migrate(handle)
      const dry = await migrate(handle, { dryRun: true })
      await handle.close()
      expect(run.error).toMatchObject({ code: 'ReadOnly' })
      expect(run.status.pending).toEqual(ALL.slice(3))
      expect(dry.error).toBeNull()
      expect(dry.steps.map((s) => s.version)).toEqual(ALL.slice(3))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('marks statements a Python-made file does not need as skipped in a dry run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-migrator-'))
    try {
      const file = join(dir, 'python.db')
      buildPythonDatabase(file, 'partial')
      const handle = await openDatabase(parseDatabaseSpec(file))
      const run = await migrate(handle, { dryRun: true, to: '003' })
      await handle.close()
      expect(run.steps.map((s) => [s.version, s.statements.length])).toEqual([
        ['002', 4],
        ['003', 1],
      ])
      expect(run.steps[1]!.statements[0]).toBe('-- skipped, already present: ALTER TABLE events ADD COLUMN description TEXT')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
