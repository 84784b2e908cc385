import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { migrations as registry, type Migration, type MigrationDialect } from '../../../migrations'
import type { Dialect } from './connection'
import { hasColumn, hasTable, listColumns, listIndexes, listTables } from './introspection'
import type { Database } from './schema'

export type MigrationState = 'applied' | 'pending' | 'changed' | 'missing-objects' | 'unknown'

export interface MigrationStatusEntry {
  version: string
  description: string
  state: MigrationState
  appliedAt: string | null
  checksum: string | null
  recordedChecksum: string | null
}

export interface MigrationStatus {
  entries: MigrationStatusEntry[]
  /** Versions still to apply, including recorded ones whose tables or columns are gone. */
  pending: string[]
  changed: string[]
  /** Recorded versions this build does not know: the file was written by a newer app. */
  unknown: string[]
  current: string | null
  latest: string
}

/** sha256 of what the migration runs on both dialects: independent of how the code was bundled. */
export function migrationChecksum(migration: Migration): string {
  const dialects: MigrationDialect[] = ['sqlite', 'postgres']
  const body = JSON.stringify({
    version: migration.version,
    description: migration.description,
    up: dialects.map((d) => migration.up(d)),
    down: dialects.map((d) => migration.down(d)),
  })
  return createHash('sha256').update(body).digest('hex')
}

interface RecordedRow {
  version: string
  description: string
  applied_at: string | null
  checksum: string | null
}

export async function readRecorded(db: Kysely<Database>, dialect: Dialect): Promise<RecordedRow[] | null> {
  if (!(await hasTable(db, dialect, 'schema_migrations'))) return null
  const withChecksum = await hasColumn(db, dialect, 'schema_migrations', 'checksum')
  const rows = await db
    .selectFrom('schema_migrations')
    .select(['version', 'description', 'applied_at'])
    .$if(withChecksum, (q) => q.select('checksum'))
    .orderBy('version')
    .execute()
  return rows.map((row) => ({ ...row, checksum: (row as { checksum?: string | null }).checksum ?? null }))
}

export async function readMigrationStatus(db: Kysely<Database>, dialect: Dialect, known: readonly Migration[] = registry): Promise<MigrationStatus> {
  const recorded = (await readRecorded(db, dialect)) ?? []
  const byVersion = new Map(recorded.map((row) => [row.version, row]))
  const present = await presentObjects(db, dialect)
  const entries: MigrationStatusEntry[] = known.map((migration) => {
    const row = byVersion.get(migration.version)
    const checksum = migrationChecksum(migration)
    const base = { version: migration.version, description: migration.description, checksum }
    if (!row) return { ...base, state: 'pending', appliedAt: null, recordedChecksum: null }
    const state: MigrationState = !hasObjects(migration, present)
      ? 'missing-objects'
      : row.checksum !== null && row.checksum !== checksum
        ? 'changed'
        : 'applied'
    return { ...base, state, appliedAt: row.applied_at, recordedChecksum: row.checksum }
  })
  const knownVersions = new Set(known.map((m) => m.version))
  for (const row of recorded) {
    if (knownVersions.has(row.version)) continue
    entries.push({ version: row.version, description: row.description, state: 'unknown', appliedAt: row.applied_at, checksum: null, recordedChecksum: row.checksum })
  }
  const applied = entries.filter((e) => e.state === 'applied' || e.state === 'changed')
  return {
    entries,
    pending: entries.filter((e) => e.state === 'pending' || e.state === 'missing-objects').map((e) => e.version),
    changed: entries.filter((e) => e.state === 'changed').map((e) => e.version),
    unknown: entries.filter((e) => e.state === 'unknown').map((e) => e.version),
    current: applied.at(-1)?.version ?? null,
    latest: known.at(-1)?.version ?? '000',
  }
}

interface PresentObjects {
  tables: Set<string>
  indexes: Set<string>
  columns: Map<string, Set<string>>
}

async function presentObjects(db: Kysely<Database>, dialect: Dialect): Promise<PresentObjects> {
  const tables = new Set(await listTables(db, dialect))
  const columns = new Map<string, Set<string>>()
  for (const table of tables) columns.set(table, new Set(await listColumns(db, dialect, table)))
  return { tables, indexes: new Set(await listIndexes(db, dialect)), columns }
}

function hasObjects(migration: Migration, present: PresentObjects): boolean {
  const wanted = migration.provides ?? {}
  return (
    (wanted.tables ?? []).every((t) => present.tables.has(t)) &&
    (wanted.indexes ?? []).every((i) => present.indexes.has(i)) &&
    (wanted.columns ?? []).every(({ table, column }) => present.columns.get(table)?.has(column) ?? false)
  )
}
