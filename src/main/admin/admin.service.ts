/**
 * Create, drop and reset. Unlike the original app, drop also removes `schema_migrations`, so a later
 * migrate recreates everything instead of reporting "no pending migrations" over missing tables.
 * Tables we do not own (e.g. smart_backend's `momentum_timeline`) are never touched.
 */
import { sql, type Kysely } from 'kysely'
import { migrations as registry, type Migration } from '../../../migrations'
import { AppFailure } from '../errors/app-failure'
import { inWriteTransaction, type DatabaseHandle } from '../db/connection'
import { listTables } from '../db/introspection'
import { readMigrationStatus } from '../db/migration-status'
import { applyMigrationsIn, migrate, MIGRATION_LOCK_KEY, type MigrateOptions, type MigrationRun } from '../db/migrator'
import type { Database } from '../db/schema'

/** Children first, so foreign keys never block a drop. */
export const DROPPED_TABLES = ['tmi_calculations', 'events', 'games', 'schema_migrations'] as const

export interface DroppedTable {
  table: string
  rows: number
}

export interface DropResult {
  dropped: DroppedTable[]
}

export interface ResetResult {
  dropped: DroppedTable[]
  applied: Array<{ version: string; description: string }>
  schemaVersion: string | null
}

/** Creates the tables by running the migrations (the result never throws; check `error`). */
export function createTables(handle: DatabaseHandle, options: MigrateOptions = {}): Promise<MigrationRun> {
  return migrate(handle, options)
}

/** Drops games, events, tmi_calculations and schema_migrations in one transaction. */
export async function dropTables(handle: DatabaseHandle): Promise<DropResult> {
  refuseReadOnly(handle)
  return inWriteTransaction(handle, async (trx) => ({ dropped: await dropOwnTables(trx, handle) }))
}

/**
 * Drop + every migration in ONE transaction (SQLite and PostgreSQL both roll DDL back), so a
 * failure leaves the database exactly as it was. Refuses a database written by a newer app.
 */
export async function resetDatabase(handle: DatabaseHandle, known: readonly Migration[] = registry): Promise<ResetResult> {
  refuseReadOnly(handle)
  return inWriteTransaction(handle, async (trx) => {
    if (handle.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx)
    const before = await readMigrationStatus(trx, handle.dialect, known)
    if (before.unknown.length > 0) {
      throw new AppFailure(
        'NewerSchema',
        `${handle.label} was written by a newer MomentumML (unknown migrations ${before.unknown.join(', ')}); reset would rebuild an older schema over it — update the app, or use "momentum drop" then "momentum migrate"`,
      )
    }
    const dropped = await dropOwnTables(trx, handle)
    const steps = await applyMigrationsIn(trx, handle.dialect, known).catch((error: unknown) => {
      throw new AppFailure('Internal', `reset failed and was rolled back: ${(error as Error).message}`)
    })
    const applied = steps.map(({ version, description }) => ({ version, description }))
    return { dropped, applied, schemaVersion: applied.at(-1)?.version ?? null }
  })
}

async function dropOwnTables(trx: Kysely<Database>, handle: DatabaseHandle): Promise<DroppedTable[]> {
  const present = new Set(await listTables(trx, handle.dialect))
  const dropped: DroppedTable[] = []
  for (const table of DROPPED_TABLES) {
    if (!present.has(table)) continue
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(table)}`.execute(trx)
    await sql`DROP TABLE ${sql.id(table)}`.execute(trx)
    dropped.push({ table, rows: Number(rows[0]?.n ?? 0) })
  }
  return dropped
}

function refuseReadOnly(handle: DatabaseHandle): void {
  if (handle.readonly) throw new AppFailure('ReadOnly', `${handle.label} is open read-only; drop and reset need write access`)
}
