import { sql } from 'kysely'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { migrationChecksum } from '../src/main/db/migration-status'
import { migrate, rollback } from '../src/main/db/migrator'
import { ORIGINAL_TABLES, originalSchema, readDatabaseSchema, type SqliteSchema } from '../src/main/db/python-fixtures'
import { createTestDb, describeEachDialect, type TestDb } from '../src/main/db/test-db'
import type { DatabaseHandle } from '../src/main/db/connection'
import { migrations, type Migration } from './index'

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.ts$/

function migrationFiles(): string[] {
  return readdirSync(import.meta.dirname)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort()
}

describe('migrations registry', () => {
  it('lists every NNN_*.ts file in the folder, in file order', () => {
    const versions = migrationFiles().map((name) => MIGRATION_FILE.exec(name)![1])
    expect(versions.length).toBeGreaterThanOrEqual(6)
    expect(migrations.map((m) => m.version)).toEqual(versions)
  })

  it('takes each entry from the file named after its version', async () => {
    for (const name of migrationFiles()) {
      const module = (await import(/* @vite-ignore */ `./${name}`)) as Record<string, unknown>
      const exported = Object.values(module).filter((value): value is Migration => typeof value === 'object' && value !== null && 'version' in value)
      expect(exported, name).toHaveLength(1)
      expect(exported[0]!.version).toBe(name.slice(0, 3))
      expect(migrations).toContain(exported[0])
    }
  })

  it('has unique, strictly increasing three-digit versions', () => {
    const versions = migrations.map((m) => m.version)
    for (const version of versions) expect(version).toMatch(/^\d{3}$/)
    expect(new Set(versions).size).toBe(versions.length)
    for (let i = 1; i < versions.length; i++) expect(versions[i]! > versions[i - 1]!).toBe(true)
  })

  it('keeps the original app versions and descriptions for 001–003', () => {
    expect(migrations.slice(0, 3).map((m) => [m.version, m.description])).toEqual([
      ['001', 'Initial database schema'],
      ['002', 'Add performance indexes'],
      ['003', 'Add event description column'],
    ])
  })

  it('gives every migration a description and SQL for both dialects', () => {
    for (const migration of migrations) {
      expect(migration.description.trim()).not.toBe('')
      for (const dialect of ['sqlite', 'postgres'] as const) {
        expect(migration.up(dialect).length, `${migration.version} up on ${dialect}`).toBeGreaterThan(0)
        expect(Array.isArray(migration.down(dialect))).toBe(true)
      }
    }
  })
})

describe('migration checksums', () => {
  // A checksum change means an applied migration was edited: migrations are frozen once released.
  const RELEASED: Record<string, string> = {
    '001': '9fa44506295a1e6cbfd7bf4978c3a20899d608e847774341839ef273871d1aa5',
    '002': 'a8351dacf55ee11970d4e2052cd333ccf143eb958b9548140dd7d615efebada5',
    '003': '3e89579a3475843827561e8965f8fbefa392004cbbb0925147d9b40ead5263ea',
    '004': '7b7034212219493d4f4b026ce8a6a19e2ed60e365ee79b870365e851f26efba9',
    '005': '11345e7df900754ed77badd2e77d99a77f27f58dbb615fbd9e3b78cc5825d480',
    '006': '7989bc70ab9834ab66d8aaafe6376d7f6522cdb27967c725885635e3b52e956f',
    '007': '41fac52758a3820314573d1a480164b87e23030dbd3ff966e3a29a9c3535dced',
    '008': '920d68cb46994d2ae8dc2b3072667d81b3a35a72e91f2ac9921a6988867935c8',
  }

  it('are lowercase sha256 hex, the same on every call, and distinct', () => {
    const sums = migrations.map((m) => migrationChecksum(m))
    for (const sum of sums) expect(sum).toMatch(/^[0-9a-f]{64}$/)
    expect(migrations.map((m) => migrationChecksum(m))).toEqual(sums)
    expect(new Set(sums).size).toBe(sums.length)
  })

  it('have not changed for released migrations', () => {
    for (const migration of migrations) {
      if (RELEASED[migration.version]) expect(migrationChecksum(migration), migration.version).toBe(RELEASED[migration.version])
    }
  })

  it('change when a statement changes', () => {
    const edited: Migration = { ...migrations[1]!, up: () => ['CREATE INDEX IF NOT EXISTS idx_other ON events(period)'] }
    expect(migrationChecksum(edited)).not.toBe(migrationChecksum(migrations[1]!))
  })
})

async function withFreshDb(dialect: TestDb['handle']['dialect'], body: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  const test = await createTestDb(dialect, { migrated: false })
  try {
    await body(test.handle)
  } finally {
    await test.cleanup()
  }
}

/** Everything about the schema that a round trip must restore (on SQLite also the stored DDL text). */
async function snapshot(handle: DatabaseHandle): Promise<{ schema: SqliteSchema; ddl: unknown[] }> {
  const schema = await readDatabaseSchema(handle)
  const ddl =
    handle.dialect === 'sqlite'
      ? (await sql<{ type: string; name: string; sql: string | null }>`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`.execute(handle.db)).rows
      : (await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`.execute(handle.db)).rows.map(
          (row) => ({ ...row, indexdef: row.indexdef.replace(/"?t_[0-9a-f]{12}"?\./g, '') }),
        )
  return { schema, ddl }
}

describeEachDialect('migrations', (dialect) => {
  it('apply in order to a fresh database', async () => {
    await withFreshDb(dialect, async (handle) => {
      const run = await migrate(handle)
      expect(run.error).toBeNull()
      expect(run.steps.map((s) => s.version)).toEqual(migrations.map((m) => m.version))
      expect(run.status.pending).toEqual([])
      expect(run.status.current).toBe(migrations.at(-1)!.version)
    })
  })

  it('up to 003 give exactly the original schema: columns with types, keys and indexes', async () => {
    await withFreshDb(dialect, async (handle) => {
      expect((await migrate(handle, { to: '003' })).error).toBeNull()
      expect(await readDatabaseSchema(handle, ORIGINAL_TABLES)).toEqual(originalSchema())
    })
  })

  it('all together keep the original columns first and only add nullable columns and indexes', async () => {
    await withFreshDb(dialect, async (handle) => {
      expect((await migrate(handle)).error).toBeNull()
      const original = originalSchema()
      const schema = await readDatabaseSchema(handle, ORIGINAL_TABLES)
      for (const table of ORIGINAL_TABLES) {
        const columns = schema.columns[table]!
        expect(columns.slice(0, original.columns[table]!.length), table).toEqual(original.columns[table])
        for (const added of columns.slice(original.columns[table]!.length)) expect(added, `${table}.${added.name}`).toMatchObject({ notnull: 0, pk: 0 })
      }
      expect(schema.indexes).toMatchObject(original.indexes)
      expect(schema.columns.events!.map((c) => c.name)).toEqual(expect.arrayContaining(['order_number', 'clock_seconds']))
      expect(schema.columns.tmi_calculations!.map((c) => c.name)).toEqual(
        expect.arrayContaining(['period', 'clock', 'elapsed_seconds', 'possession_number', 'algorithm', 'parameters']),
      )
    })
  })

  it('round-trip up, down to nothing, and up again to the same schema', async () => {
    await withFreshDb(dialect, async (handle) => {
      expect((await migrate(handle)).error).toBeNull()
      const before = await snapshot(handle)

      const down = await rollback(handle, { to: '000' })
      expect(down.error).toBeNull()
      expect(down.steps.map((s) => s.version)).toEqual(migrations.map((m) => m.version).reverse())
      expect(down.status.pending).toEqual(migrations.map((m) => m.version))
      const tablesLeft = Object.keys((await readDatabaseSchema(handle)).columns)
      expect(tablesLeft).toEqual(['schema_migrations'])

      expect((await migrate(handle)).error).toBeNull()
      expect(await snapshot(handle)).toEqual(before)
    })
  })

  it('008 adds the game-sequence index, takes only it away again and adds it back', async () => {
    await withFreshDb(dialect, async (handle) => {
      const indexes = async () => Object.keys((await readDatabaseSchema(handle)).indexes).sort()
      expect((await migrate(handle, { to: '007' })).error).toBeNull()
      const before = await indexes()
      expect(before).not.toContain('idx_events_game_sequence')
      expect((await migrate(handle)).steps.map((s) => s.version)).toEqual(['008'])
      expect(await indexes()).toEqual([...before, 'idx_events_game_sequence'].sort())
      const down = await rollback(handle, { to: '007' })
      expect(down.error).toBeNull()
      expect(down.steps.map((s) => s.version)).toEqual(['008'])
      expect(await indexes()).toEqual(before)
      expect((await migrate(handle)).error).toBeNull()
      expect(await indexes()).toEqual([...before, 'idx_events_game_sequence'].sort())
    })
  })

  it('round-trip down to each earlier version and up again to the same schema', async () => {
    await withFreshDb(dialect, async (handle) => {
      expect((await migrate(handle)).error).toBeNull()
      const before = await snapshot(handle)
      for (const migration of [...migrations].reverse()) {
        const previous = migrations[migrations.indexOf(migration) - 1]?.version ?? '000'
        const down = await rollback(handle, { to: previous })
        expect(down.error, `down ${migration.version}`).toBeNull()
        expect(down.status.current).toBe(previous === '000' ? null : previous)
        expect((await migrate(handle)).error, `up ${migration.version}`).toBeNull()
        expect(await snapshot(handle), `after ${migration.version} down and up`).toEqual(before)
      }
    })
  })
})
