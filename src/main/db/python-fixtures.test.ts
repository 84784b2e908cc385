import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPythonDatabase, PYTHON_APPLIED_AT, PYTHON_FLAVOURS, readFixtureSections, type PythonFlavour } from './python-fixtures'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'momentum-python-fixtures-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function inspect<T>(flavour: PythonFlavour, read: (db: BetterSqlite3.Database) => T): T {
  const file = join(dir, `${flavour}-${Math.random().toString(36).slice(2)}.db`)
  buildPythonDatabase(file, flavour)
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

const ddl = (db: BetterSqlite3.Database, name: string) => db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string | undefined
const versions = (db: BetterSqlite3.Database) => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()
const tables = (db: BetterSqlite3.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()

describe('buildPythonDatabase', () => {
  it('stores the DDL text each original creator wrote', () => {
    inspect('fastapi', (db) => {
      expect(ddl(db, 'games')).toBe(
        'CREATE TABLE games (\n\tgame_id VARCHAR NOT NULL, \n\thome_team VARCHAR NOT NULL, \n\taway_team VARCHAR NOT NULL, \n\tgame_date VARCHAR NOT NULL, \n\tstatus VARCHAR NOT NULL, \n\tcreated_at DATETIME, \n\tPRIMARY KEY (game_id)\n)',
      )
      expect(ddl(db, 'events')).toContain('\tPRIMARY KEY (event_id), \n\tFOREIGN KEY(game_id) REFERENCES games (game_id)\n)')
      expect(ddl(db, 'idx_events_game_team_timestamp')).toBe('CREATE INDEX idx_events_game_team_timestamp ON events (game_id, team_tricode, timestamp)')
      expect(ddl(db, 'idx_events_game_timestamp')).toBe('CREATE INDEX idx_events_game_timestamp ON events (game_id, timestamp)')
      expect(ddl(db, 'idx_events_team_period')).toBe('CREATE INDEX idx_events_team_period ON events(team_tricode, period)')
      expect(ddl(db, 'idx_games_date_status')).toMatch(/^CREATE INDEX idx_games_date_status\n\s+ON games\(game_date, status\)/)
    })
  })

  it('has no AUTOINCREMENT on tmi_calculations: its id is a plain rowid alias', () => {
    inspect('migrated', (db) => {
      expect(ddl(db, 'tmi_calculations')).not.toContain('AUTOINCREMENT')
      expect(db.prepare('SELECT id FROM tmi_calculations ORDER BY id').pluck().all()).toEqual([3, 4, 7, 8])
    })
  })

  it('leaves each flavour with its tables, versions and journal mode', () => {
    const expected: Record<PythonFlavour, { tables: string[]; versions: string[] | null; journal: string }> = {
      migrated: { tables: ['events', 'games', 'schema_migrations', 'tmi_calculations'], versions: ['001', '002', '003'], journal: 'delete' },
      fastapi: { tables: ['events', 'games', 'schema_migrations', 'tmi_calculations'], versions: ['001', '002', '003'], journal: 'wal' },
      created: { tables: ['events', 'games', 'tmi_calculations'], versions: null, journal: 'delete' },
      partial: { tables: ['events', 'games', 'schema_migrations', 'tmi_calculations'], versions: ['001'], journal: 'delete' },
      dropped: { tables: ['schema_migrations'], versions: ['001', '002', '003'], journal: 'delete' },
      'smart-backend': { tables: ['events', 'games', 'momentum_timeline', 'schema_migrations', 'sqlite_sequence', 'tmi_calculations'], versions: ['001', '002', '003'], journal: 'delete' },
      older: { tables: ['events', 'games', 'schema_migrations', 'tmi_calculations'], versions: ['001', '002', '003'], journal: 'wal' },
    }
    for (const flavour of PYTHON_FLAVOURS) {
      inspect(flavour, (db) => {
        expect(tables(db), flavour).toEqual(expected[flavour].tables)
        expect(expected[flavour].versions === null ? null : versions(db), flavour).toEqual(expected[flavour].versions)
        expect(db.pragma('journal_mode', { simple: true }), flavour).toBe(expected[flavour].journal)
      })
    }
  })

  it('records 001–003 at the time the shipped database shows', () => {
    inspect('migrated', (db) => {
      expect(db.prepare('SELECT DISTINCT applied_at FROM schema_migrations').pluck().all()).toEqual([PYTHON_APPLIED_AT])
    })
  })

  it('builds older files with raw-SQL composite indexes and only fastapi-style files with idx_games_date_status', () => {
    inspect('older', (db) => {
      expect(ddl(db, 'idx_events_game_team_timestamp')).toMatch(/^CREATE INDEX idx_events_game_team_timestamp\n\s+ON events\(game_id, team_tricode, timestamp\)/)
      expect(ddl(db, 'idx_events_game_timestamp')).toBe('CREATE INDEX idx_events_game_timestamp ON events(game_id, timestamp)')
      expect(ddl(db, 'idx_games_date_status')).toBeDefined()
    })
    inspect('migrated', (db) => expect(ddl(db, 'idx_games_date_status')).toBeUndefined())
  })

  it('writes smart_backend rows in its own formats', () => {
    inspect('smart-backend', (db) => {
      const row = db.prepare("SELECT feature_contributions, rolling_window_size, calculated_at FROM tmi_calculations WHERE team_tricode = 'HOME'").get() as Record<string, unknown>
      expect(row.rolling_window_size).toBeNull()
      expect(row.calculated_at).toBe('2025-10-25T15:21:23.878076')
      expect(() => JSON.parse(row.feature_contributions as string)).toThrow()
      expect(db.prepare('SELECT count(*) FROM momentum_timeline').pluck().get()).toBe(1)
    })
  })

  it('reads every section the recipes name', () => {
    expect([...readFixtureSections('original-schema.sql').keys()]).toEqual([
      'tables',
      'model-column-indexes',
      'model-composite-indexes',
      'migration-002-indexes',
      'schema-migrations',
      'performance-indexes',
      'older-composite-indexes',
      'smart-backend',
    ])
    expect([...readFixtureSections('rows.sql').keys()]).toEqual(['original', 'schema-migrations-001', 'schema-migrations-002-003', 'smart-backend'])
  })
})
