import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../../migrations'
import { openDatabase } from './connection'
import { parseDatabaseSpec } from './database-target'
import { readMigrationStatus, type MigrationState, type MigrationStatus } from './migration-status'
import { migrate, type MigrationRun } from './migrator'
import { buildPythonDatabase, ORIGINAL_TABLES, originalSchema, PYTHON_APPLIED_AT, PYTHON_FLAVOURS, readSqliteSchema, type PythonFlavour } from './python-fixtures'
import { parseTimestamp } from './timestamps'

const ALL = migrations.map((m) => m.version)

/** What readMigrationStatus should report for 001–003 of each flavour before we touch it; ours are all pending. */
const ORIGINAL_STATES: Record<PythonFlavour, MigrationState[]> = {
  migrated: ['applied', 'applied', 'applied'],
  fastapi: ['applied', 'applied', 'applied'],
  'smart-backend': ['applied', 'applied', 'applied'],
  older: ['applied', 'applied', 'applied'],
  partial: ['applied', 'pending', 'pending'],
  created: ['pending', 'pending', 'pending'],
  dropped: ['missing-objects', 'missing-objects', 'missing-objects'],
}
const EXPECTED_STATES = Object.fromEntries(
  PYTHON_FLAVOURS.map((flavour) => [flavour, [...ORIGINAL_STATES[flavour], ...ALL.slice(3).map((): MigrationState => 'pending')]]),
) as Record<PythonFlavour, MigrationState[]>

interface TableDump {
  columns: string[]
  /** Each row as [value, typeof] pairs, so a changed storage class shows up too. */
  rows: unknown[][]
}

/** Every row of every table, with SQLite storage classes, read with a plain connection. */
function dumpFile(file: string, only?: Record<string, TableDump>): Record<string, TableDump> {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const tables = only ? Object.keys(only) : (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[])
    const dump: Record<string, TableDump> = {}
    for (const table of tables) {
      const info = db.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as Array<{ name: string; pk: number }>
      const columns = only ? only[table]!.columns : info.map((c) => c.name)
      const keys = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`)
      const select = columns.map((c) => `"${c}", typeof("${c}")`).join(', ')
      const rows = db.prepare(`SELECT ${select} FROM "${table}" ORDER BY ${keys.length > 0 ? keys.join(', ') : 'rowid'}`).raw().all() as unknown[][]
      dump[table] = { columns, rows }
    }
    return dump
  } finally {
    db.close()
  }
}

function readRaw<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

function readTimelineDdl(db: BetterSqlite3.Database): unknown {
  return db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('momentum_timeline', 'sqlite_sequence') ORDER BY name").all()
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-adoption-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('adopting databases written by the Python app', () => {
  for (const flavour of PYTHON_FLAVOURS) {
    describe(`flavour "${flavour}"`, () => {
      let file: string
      let before: Record<string, TableDump>
      let timelineDdl: unknown
      let statusBefore: MigrationStatus
      let run: MigrationRun

      beforeAll(async () => {
        file = join(dir, `${flavour}.db`)
        buildPythonDatabase(file, flavour)
        before = dumpFile(file)
        timelineDdl = readRaw(file, readTimelineDdl)
        const handle = await openDatabase(parseDatabaseSpec(file))
        try {
          statusBefore = await readMigrationStatus(handle.db, 'sqlite')
          run = await migrate(handle)
        } finally {
          await handle.close()
        }
      })

      it('reports the original migrations it finds and applies only the rest', () => {
        const pending = ALL.filter((_, i) => EXPECTED_STATES[flavour][i] !== 'applied')
        expect(statusBefore.entries.map((e) => e.state)).toEqual(EXPECTED_STATES[flavour])
        expect(statusBefore.unknown).toEqual([])
        expect(statusBefore.pending).toEqual(pending)
        expect(run.error).toBeNull()
        expect(run.steps.map((s) => s.version)).toEqual(pending)
        expect(run.status).toMatchObject({ pending: [], changed: [], unknown: [], current: ALL.at(-1) })
      })

      it('keeps every original row identical, values and storage classes', () => {
        const after = dumpFile(file, before)
        for (const table of Object.keys(before).filter((t) => t !== 'schema_migrations')) {
          expect(after[table], table).toEqual(before[table])
        }
        expect(before.games?.rows.length ?? 0).toBe(flavour === 'dropped' ? 0 : flavour === 'smart-backend' ? 4 : 3)
        if (before.schema_migrations && flavour !== 'dropped') {
          const recorded = new Set(before.schema_migrations.rows.map((row) => row[0]))
          const kept = after.schema_migrations!.rows.filter((row) => recorded.has(row[0]))
          expect(kept).toEqual(before.schema_migrations.rows)
          expect(after.schema_migrations!.rows.filter((row) => !recorded.has(row[0])).map((row) => row[0])).toEqual(run.steps.map((s) => s.version))
        }
        if (flavour === 'dropped') {
          // drop_all kept the records; re-applying 001–003 refreshed them.
          const rows = after.schema_migrations!.rows.slice(0, 3).map((row) => ({ version: row[0], description: row[2], appliedAt: row[4] }))
          expect(rows.map((r) => [r.version, r.description])).toEqual(before.schema_migrations!.rows.map((row) => [row[0], row[2]]))
          for (const row of rows) expect(Math.abs(parseTimestamp(row.appliedAt as string)!.getTime() - Date.now())).toBeLessThan(60_000)
        }
      })

      it('is up to date, consistent and still what the Python reader expects when reopened', async () => {
        const handle = await openDatabase(parseDatabaseSpec(file))
        try {
          const status = await readMigrationStatus(handle.db, 'sqlite')
          expect(status.entries.map((e) => e.state)).toEqual(ALL.map(() => 'applied'))
          expect((await migrate(handle)).steps).toEqual([])
        } finally {
          await handle.close()
        }
        readRaw(file, (db) => {
          expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([])
          expect(db.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok'])
          const original = originalSchema()
          const schema = readSqliteSchema(db, ORIGINAL_TABLES)
          for (const table of ORIGINAL_TABLES) {
            const columns = original.columns[table]!
            expect(schema.columns[table]!.slice(0, columns.length), table).toEqual(columns)
            // check_database_health: an ORM .first() selects every mapped column.
            const select = columns.map((c) => `"${c.name}"`).join(', ')
            expect(() => db.prepare(`SELECT ${select} FROM ${table} LIMIT 1 OFFSET 0`).all()).not.toThrow()
          }
          expect(schema.indexes).toMatchObject(original.indexes)
        })
      })

      it('keeps the Python-era records of 001–003', () => {
        const rows = readRaw(file, (db) => db.prepare("SELECT version, applied_at, checksum FROM schema_migrations WHERE version <= '003' ORDER BY version").all())
        if (flavour === 'migrated' || flavour === 'fastapi' || flavour === 'smart-backend' || flavour === 'older') {
          expect(rows).toEqual(['001', '002', '003'].map((version) => ({ version, applied_at: PYTHON_APPLIED_AT, checksum: null })))
        } else {
          expect(rows).toHaveLength(3)
        }
      })

      it('leaves other tables alone', () => {
        expect(readRaw(file, readTimelineDdl)).toEqual(timelineDdl)
        if (flavour === 'smart-backend') expect(before.momentum_timeline!.rows).toHaveLength(1)
      })
    })
  }

  describe('stored values', () => {
    it('keeps every text format and non-JSON text exactly as the Python writers left it', async () => {
      const file = join(dir, 'values.db')
      buildPythonDatabase(file, 'smart-backend')
      const handle = await openDatabase(parseDatabaseSpec(file))
      try {
        expect((await migrate(handle)).error).toBeNull()
        const event = await handle.db.selectFrom('events').selectAll().where('event_id', '=', 'test_event_001').executeTakeFirstOrThrow()
        expect(event).toMatchObject({ timestamp: '2025-10-23 11:35:45.336995', points_total: 2, shot_result: 'Made', order_number: null, clock_seconds: null })
        const game = await handle.db.selectFrom('games').selectAll().where('game_id', '=', 'test_game_001').executeTakeFirstOrThrow()
        expect(game).toEqual({ game_id: 'test_game_001', home_team: 'LAL', away_team: 'GSW', game_date: '2024-01-15', status: 'Live', created_at: '2025-10-23 16:35:45' })
        const real = await handle.db.selectFrom('tmi_calculations').selectAll().where('id', '=', 4).executeTakeFirstOrThrow()
        expect(real.feature_contributions).toBe('{"points_scored": 0.0, "fg_percentage": -0.06937218462755805, "rebounds": 0.0, "turnovers": -0.0, "fouls": -0.0}')
        expect(real.tmi_value).toBe(-0.06937218462755805)
        const smart = await handle.db.selectFrom('tmi_calculations').selectAll().where('team_tricode', '=', 'HOME').executeTakeFirstOrThrow()
        expect(smart).toMatchObject({ rolling_window_size: null, calculated_at: '2025-10-25T15:21:23.878076', algorithm: null })
        expect(smart.feature_contributions).toMatch(/^\{'points_scored': 0\.0, /)
      } finally {
        await handle.close()
      }
    })
  })

  describe('a file from before migration 003', () => {
    it('gets the description column added, with every row kept', async () => {
      const file = join(dir, 'pre-003.db')
      buildPythonDatabase(file, 'partial')
      const raw = new BetterSqlite3(file)
      raw.exec('ALTER TABLE events DROP COLUMN description')
      raw.close()
      const before = dumpFile(file)

      const handle = await openDatabase(parseDatabaseSpec(file))
      try {
        const run = await migrate(handle)
        expect(run.error).toBeNull()
        expect(run.steps.find((s) => s.version === '003')!.statements).toEqual(['ALTER TABLE events ADD COLUMN description TEXT'])
      } finally {
        await handle.close()
      }
      const after = dumpFile(file, before)
      for (const table of ['games', 'events', 'tmi_calculations']) expect(after[table], table).toEqual(before[table])
      readRaw(file, (db) => {
        expect(db.prepare("SELECT description FROM events WHERE event_id = 'test_event_001'").pluck().get()).toBeNull()
        expect(readSqliteSchema(db, ['events']).columns.events!.map((c) => c.name)).toContain('description')
      })
    })
  })
})
