/**
 * Test helper: SQLite files as the original Python MomentumML app leaves them (spec §2.5), built
 * with better-sqlite3 straight from fixtures/python/*.sql, never through our migrations, so the
 * adoption tests hold our code against the original's DDL rather than against itself.
 */
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DatabaseHandle } from './connection'
import { listTables } from './introspection'

export type PythonFlavour = 'migrated' | 'fastapi' | 'created' | 'partial' | 'dropped' | 'smart-backend' | 'older'

export const PYTHON_FLAVOURS: readonly PythonFlavour[] = ['migrated', 'fastapi', 'created', 'partial', 'dropped', 'smart-backend', 'older']

/** The tables the original models declare, in create_all order. */
export const ORIGINAL_TABLES = ['games', 'events', 'tmi_calculations'] as const

/** When the original's runner recorded 001–003 in the shipped database. */
export const PYTHON_APPLIED_AT = '2025-10-23 21:41:04'

const FIXTURE_DIR = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'python')

/** `schema:NAME` is a section of original-schema.sql, `rows:NAME` one of rows.sql. */
type Step = `${'schema' | 'rows'}:${string}`

/** The original `migrate`: create_all with every model index, migration 002, and 001–003 recorded. */
const MIGRATED: Step[] = [
  'schema:tables',
  'schema:model-column-indexes',
  'schema:model-composite-indexes',
  'schema:migration-002-indexes',
  'schema:schema-migrations',
  'rows:schema-migrations-001',
  'rows:schema-migrations-002-003',
  'rows:original',
]

const RECIPES: Record<PythonFlavour, { steps: Step[]; wal: boolean; dropModelTables?: boolean }> = {
  // (a) CLI `migrate`, the test scripts, DatabaseService users; journal mode left at delete.
  migrated: { steps: MIGRATED, wal: false },
  // (b) FastAPI startup: (a), then the performance migration, which also switches the file to WAL.
  fastapi: { steps: [...MIGRATED, 'schema:performance-indexes'], wal: true },
  // CLI `create`: create_all only, no schema_migrations.
  created: { steps: ['schema:tables', 'schema:model-column-indexes', 'schema:model-composite-indexes', 'rows:original'], wal: false },
  // A run of the original migrations that stopped after 001.
  partial: {
    steps: ['schema:tables', 'schema:model-column-indexes', 'schema:model-composite-indexes', 'schema:schema-migrations', 'rows:schema-migrations-001', 'rows:original'],
    wal: false,
  },
  // CLI `drop` after `migrate`: drop_all removes the model tables and leaves schema_migrations behind.
  dropped: { steps: MIGRATED, wal: false, dropModelTables: true },
  // (d) (a), then smart_backend.py's own table and its cache rows.
  'smart-backend': { steps: [...MIGRATED, 'schema:smart-backend', 'rows:smart-backend'], wal: false },
  // (c) Older files: the composite indexes came from raw SQL (002 and the performance migration), not the model.
  older: {
    steps: [
      'schema:tables',
      'schema:model-column-indexes',
      'schema:migration-002-indexes',
      'schema:schema-migrations',
      'rows:schema-migrations-001',
      'rows:schema-migrations-002-003',
      'rows:original',
      'schema:older-composite-indexes',
      'schema:performance-indexes',
    ],
    wal: true,
  },
}

/** Splits a fixture file at its `-- @section NAME` lines. */
export function readFixtureSections(fileName: 'original-schema.sql' | 'rows.sql'): Map<string, string> {
  const sections = new Map<string, string>()
  let name: string | null = null
  let lines: string[] = []
  for (const line of readFileSync(join(FIXTURE_DIR, fileName), 'utf8').split('\n')) {
    const marker = /^-- @section ([a-z0-9-]+)\s*$/.exec(line)
    if (!marker) {
      lines.push(line)
      continue
    }
    if (name !== null) sections.set(name, lines.join('\n'))
    name = marker[1]!
    lines = []
  }
  if (name !== null) sections.set(name, lines.join('\n'))
  return sections
}

function stepSql(step: Step): string {
  const [kind, name] = step.split(':') as ['schema' | 'rows', string]
  const file = kind === 'schema' ? 'original-schema.sql' : 'rows.sql'
  const sql = readFixtureSections(file).get(name)
  if (sql === undefined) throw new Error(`fixtures/python/${file} has no section "${name}"`)
  return sql
}

/** Writes `file` (which should not exist yet) as the Python app would have left it. */
export function buildPythonDatabase(file: string, flavour: PythonFlavour): void {
  const recipe = RECIPES[flavour]
  const db = new BetterSqlite3(file)
  try {
    // The original never turned foreign keys on outside FastAPI startup.
    db.pragma('foreign_keys = OFF')
    for (const step of recipe.steps) db.exec(stepSql(step))
    if (recipe.dropModelTables) {
      for (const table of [...ORIGINAL_TABLES].reverse()) db.exec(`DROP TABLE ${table}`)
    }
    if (recipe.wal) db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

export interface SqliteColumn {
  name: string
  type: string
  notnull: number
  pk: number
}

export interface SqliteSchema {
  columns: Record<string, SqliteColumn[]>
  /** Index name → `table(col, col)`; SQLite's automatic indexes are left out. */
  indexes: Record<string, string>
}

/** Columns (via PRAGMA table_info) and index names + columns of `tables`: never the SQL text, which differs by creator. */
export function readSqliteSchema(db: BetterSqlite3.Database, tables: readonly string[]): SqliteSchema {
  const columns: Record<string, SqliteColumn[]> = {}
  const indexes: Record<string, string> = {}
  for (const table of tables) {
    columns[table] = (db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table) as SqliteColumn[]).map((c) => ({ ...c }))
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_autoindex_%'").pluck().all(table) as string[]
    for (const name of names) {
      const cols = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(name) as string[]
      indexes[name] = `${table}(${cols.join(', ')})`
    }
  }
  return { columns, indexes }
}

/** The schema the original `migrate` leaves (flavour a), read from a scratch in-memory build of the fixture DDL. */
export function originalSchema(): SqliteSchema {
  const db = new BetterSqlite3(':memory:')
  try {
    for (const step of MIGRATED) if (step.startsWith('schema:')) db.exec(stepSql(step))
    return readSqliteSchema(db, ORIGINAL_TABLES)
  } finally {
    db.close()
  }
}

/** PostgreSQL's names for the SQLite declared types the original DDL uses (SERIAL reads back as integer). */
const PG_TYPES: Record<string, string> = {
  'character varying': 'VARCHAR',
  integer: 'INTEGER',
  'double precision': 'FLOAT',
  text: 'TEXT',
  'timestamp without time zone': 'DATETIME',
}

/**
 * The same shape as readSqliteSchema on either dialect, through the handle (so also inside a run),
 * with PostgreSQL types named as the original's SQLite DDL names them. All tables unless given.
 */
export async function readDatabaseSchema(handle: DatabaseHandle, tables?: readonly string[]): Promise<SqliteSchema> {
  const wanted = tables ?? (await listTables(handle.db, handle.dialect))
  if (handle.dialect === 'sqlite') return readSqliteSchema(handle.sqlite!, wanted)
  const columns: Record<string, SqliteColumn[]> = {}
  const indexes: Record<string, string> = {}
  for (const table of wanted) {
    const rows = await sql<{ name: string; type: string; nullable: string; pk: number }>`
      SELECT c.column_name AS name, c.data_type AS type, c.is_nullable AS nullable,
        (SELECT count(*) FROM information_schema.key_column_usage k
          JOIN information_schema.table_constraints tc ON tc.constraint_name = k.constraint_name AND tc.table_schema = k.table_schema
          WHERE tc.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name) AS pk
      FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.table_name = ${table}
      ORDER BY c.ordinal_position`.execute(handle.db)
    columns[table] = rows.rows.map((r) => ({ name: r.name, type: PG_TYPES[r.type] ?? r.type, notnull: r.nullable === 'NO' ? 1 : 0, pk: Number(r.pk) }))
    const found = await sql<{ name: string; cols: string }>`
      SELECT i.relname AS name, string_agg(a.attname::text, ', ' ORDER BY k.ord) AS cols
      FROM pg_index x
      JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND t.relname = ${table} AND NOT x.indisprimary
      GROUP BY i.relname`.execute(handle.db)
    for (const row of found.rows) indexes[row.name] = `${table}(${row.cols})`
  }
  return { columns, indexes }
}
