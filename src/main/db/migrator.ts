/**
 * Our migration runner. Kysely's Migrator neither wraps a migration in a transaction nor locks on
 * SQLite (kysely#56), and we must keep the original app's `schema_migrations` table, so:
 * every run holds the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), re-reads
 * the applied versions under it, and runs each migration together with its record atomically.
 * It never throws: callers get what was applied and, if it stopped, why.
 */
import { sql, type Kysely } from 'kysely'
import { migrations as registry, type Migration, type MigrationStatement } from '../../../migrations'
import type { AppError } from '../../shared/api/result'
import { AppFailure, toAppError } from '../errors/app-failure'
import { toDatabaseFailure, type DatabaseHandle, type Dialect } from './connection'
import { hasColumn } from './introspection'
import { migrationChecksum, readMigrationStatus, type MigrationStatus } from './migration-status'
import type { Database } from './schema'

export interface MigrationStep {
  version: string
  description: string
  statements: string[]
}

export interface MigrationRun {
  /** Steps that were applied (or, in a dry run, would be). */
  steps: MigrationStep[]
  status: MigrationStatus
  error: AppError | null
}

export interface MigrateOptions {
  to?: string
  dryRun?: boolean
  onStep?: (step: { version: string; description: string; index: number; total: number }) => void
  /** Checked between migrations; a cancelled run keeps what is already applied. */
  signal?: AbortSignal
  lockTimeoutMs?: number
}

const SCHEMA_MIGRATIONS_DDL =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)'
/** The PostgreSQL advisory lock every schema change takes (migrate, rollback, reset). */
export const MIGRATION_LOCK_KEY = 7_236_555_100_001n
const PG_LOCK_KEY = MIGRATION_LOCK_KEY

export async function migrate(handle: DatabaseHandle, options: MigrateOptions = {}, known: readonly Migration[] = registry): Promise<MigrationRun> {
  if (options.to !== undefined && !known.some((m) => m.version === options.to)) {
    return failedRun(handle, new AppFailure('InvalidInput', `--to ${options.to}: no such migration (known: ${known.map((m) => m.version).join(', ')})`), known)
  }
  if (options.dryRun) return dryRun(handle, options, known)
  return withMigrationLock(handle, options.lockTimeoutMs, async (conn, inTransaction, steps) => {
    const status = await readMigrationStatus(conn, handle.dialect, known)
    refuseNewer(handle, status)
    refuseChanged(handle, status)
    const todo = known.filter((m) => status.pending.includes(m.version) && (options.to === undefined || m.version <= options.to))
    // Applied by this run before schema_migrations had its checksum column (004); summed once it has.
    const unsummed: Migration[] = []
    for (const [index, migration] of todo.entries()) {
      if (options.signal?.aborted) throw new AppFailure('Cancelled', `migration cancelled before ${migration.version}; ${steps.length} applied`)
      options.onStep?.({ version: migration.version, description: migration.description, index, total: todo.length })
      const statements = await inTransaction(async (trx) => {
        const ran = await runStatements(trx, handle.dialect, migration.up(handle.dialect))
        const summed = await record(trx, handle.dialect, migration, status.entries.some((e) => e.version === migration.version && e.state === 'missing-objects'))
        if (!summed) unsummed.push(migration)
        else for (const earlier of unsummed.splice(0)) await recordChecksum(trx, earlier)
        return ran
      }).catch((error: unknown) => {
        throw new AppFailure(toAppError(error).code, `migration ${migration.version} (${migration.description}) failed and was rolled back: ${toAppError(error).message}`)
      })
      steps.push({ version: migration.version, description: migration.description, statements })
    }
  }, known)
}

export async function rollback(handle: DatabaseHandle, options: { to?: string; lockTimeoutMs?: number } = {}, known: readonly Migration[] = registry): Promise<MigrationRun> {
  return withMigrationLock(handle, options.lockTimeoutMs, async (conn, inTransaction, steps) => {
    const status = await readMigrationStatus(conn, handle.dialect, known)
    refuseNewer(handle, status)
    const applied = known.filter((m) => status.entries.some((e) => e.version === m.version && e.state !== 'pending')).reverse()
    if (options.to !== undefined && options.to !== '000' && !known.some((m) => m.version === options.to)) {
      throw new AppFailure('InvalidInput', `--to ${options.to}: no such migration`)
    }
    const todo = options.to === undefined ? applied.slice(0, 1) : applied.filter((m) => m.version > options.to!)
    for (const migration of todo) {
      const statements = await inTransaction(async (trx) => {
        const ran = await runStatements(trx, handle.dialect, migration.down(handle.dialect))
        await trx.deleteFrom('schema_migrations').where('version', '=', migration.version).execute()
        return ran
      })
      steps.push({ version: migration.version, description: migration.description, statements })
    }
  }, known)
}

/**
 * Applies migrations inside a transaction the caller already holds (reset: drop and rebuild in one
 * transaction). The first failure throws, naming the migration; the caller's transaction rolls back.
 */
export async function applyMigrationsIn(trx: Kysely<Database>, dialect: Dialect, todo: readonly Migration[]): Promise<MigrationStep[]> {
  await sql.raw(SCHEMA_MIGRATIONS_DDL).execute(trx)
  const steps: MigrationStep[] = []
  const unsummed: Migration[] = []
  for (const migration of todo) {
    try {
      const statements = await runStatements(trx, dialect, migration.up(dialect))
      if (!(await record(trx, dialect, migration, false))) unsummed.push(migration)
      else for (const earlier of unsummed.splice(0)) await recordChecksum(trx, earlier)
      steps.push({ version: migration.version, description: migration.description, statements })
    } catch (error) {
      throw new AppFailure(toAppError(error).code, `migration ${migration.version} (${migration.description}) failed: ${toAppError(error).message}`)
    }
  }
  return steps
}

// Validate before migrating (Flyway's validateOnMigrate): an applied migration that no longer
// matches its file means this database and this build disagree about what the schema is.
function refuseChanged(handle: DatabaseHandle, status: MigrationStatus): void {
  if (status.changed.length === 0) return
  throw new AppFailure(
    'Conflict',
    `${handle.label}: applied migrations ${status.changed.join(', ')} differ from this build's (checksum mismatch); nothing was migrated`,
  )
}

function refuseNewer(handle: DatabaseHandle, status: MigrationStatus): void {
  if (status.unknown.length === 0) return
  throw new AppFailure(
    'NewerSchema',
    `${handle.label} was written by a newer MomentumML (unknown migrations ${status.unknown.join(', ')}); update the app to change it — reading still works`,
  )
}

async function dryRun(handle: DatabaseHandle, options: MigrateOptions, known: readonly Migration[]): Promise<MigrationRun> {
  try {
    const status = await readMigrationStatus(handle.db, handle.dialect, known)
    refuseNewer(handle, status)
    const todo = known.filter((m) => status.pending.includes(m.version) && (options.to === undefined || m.version <= options.to))
    const steps: MigrationStep[] = []
    for (const migration of todo) {
      const statements: string[] = []
      for (const statement of migration.up(handle.dialect)) {
        const skip = typeof statement !== 'string' && (await hasColumn(handle.db, handle.dialect, statement.unlessColumn.table, statement.unlessColumn.column))
        statements.push(skip ? `-- skipped, already present: ${sqlOf(statement)}` : sqlOf(statement))
      }
      steps.push({ version: migration.version, description: migration.description, statements })
    }
    return { steps, status, error: null }
  } catch (error) {
    return failedRun(handle, error, known)
  }
}

type InTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => Promise<T>

/** Holds the lock for the whole run, re-reading state under it; each step is its own (nested) transaction. */
async function withMigrationLock(
  handle: DatabaseHandle,
  lockTimeoutMs = 60_000,
  run: (conn: Kysely<Database>, inTransaction: InTransaction, steps: MigrationStep[]) => Promise<void>,
  known: readonly Migration[],
): Promise<MigrationRun> {
  if (handle.readonly) return failedRun(handle, new AppFailure('ReadOnly', `${handle.label} is open read-only; migrations need write access`), known)
  const steps: MigrationStep[] = []
  let failure: unknown = null
  try {
    await handle.db.connection().execute(async (conn) => {
      if (handle.dialect === 'sqlite') {
        const previous = handle.sqlite!.pragma('busy_timeout', { simple: true }) as number
        handle.sqlite!.pragma(`busy_timeout = ${Math.trunc(lockTimeoutMs)}`)
        try {
          await sql`BEGIN IMMEDIATE`.execute(conn)
        } finally {
          handle.sqlite!.pragma(`busy_timeout = ${Math.trunc(previous)}`)
        }
        let n = 0
        const savepoint: InTransaction = async (work) => {
          const name = sql.raw(`migration_${++n}`)
          await sql`SAVEPOINT ${name}`.execute(conn)
          try {
            const result = await work(conn)
            await sql`RELEASE ${name}`.execute(conn)
            return result
          } catch (error) {
            await sql`ROLLBACK TO ${name}`.execute(conn)
            await sql`RELEASE ${name}`.execute(conn)
            throw error
          }
        }
        try {
          await sql.raw(SCHEMA_MIGRATIONS_DDL).execute(conn)
          await run(conn, savepoint, steps).catch((error: unknown) => {
            failure = error
          })
          await sql`COMMIT`.execute(conn)
        } catch (error) {
          if (handle.sqlite!.inTransaction) await sql`ROLLBACK`.execute(conn)
          throw error
        }
        return
      }
      await sql`SELECT pg_advisory_lock(${PG_LOCK_KEY})`.execute(conn)
      try {
        await sql.raw(SCHEMA_MIGRATIONS_DDL).execute(conn)
        const transaction: InTransaction = (work) => conn.transaction().execute(work)
        await run(conn, transaction, steps).catch((error: unknown) => {
          failure = error
        })
      } finally {
        await sql`SELECT pg_advisory_unlock(${PG_LOCK_KEY})`.execute(conn)
      }
    })
  } catch (error) {
    failure = error
  }
  const status = await readMigrationStatus(handle.db, handle.dialect, known).catch(() => emptyStatus(known))
  return { steps, status, error: failure === null ? null : toAppError(toDatabaseFailure(handle, failure)) }
}

async function runStatements(trx: Kysely<Database>, dialect: Dialect, statements: MigrationStatement[]): Promise<string[]> {
  const ran: string[] = []
  for (const statement of statements) {
    if (typeof statement !== 'string' && (await hasColumn(trx, dialect, statement.unlessColumn.table, statement.unlessColumn.column))) continue
    await sql.raw(sqlOf(statement)).execute(trx)
    ran.push(sqlOf(statement))
  }
  return ran
}

/** Records the migration as applied; returns whether its checksum could be stored too. */
async function record(trx: Kysely<Database>, dialect: Dialect, migration: Migration, exists: boolean): Promise<boolean> {
  const checksum = (await hasColumn(trx, dialect, 'schema_migrations', 'checksum')) ? migrationChecksum(migration) : undefined
  const values = { description: migration.description, ...(checksum ? { checksum } : {}) }
  if (exists) {
    await trx.updateTable('schema_migrations').set({ ...values, applied_at: sql<string>`CURRENT_TIMESTAMP` }).where('version', '=', migration.version).execute()
  } else {
    await trx.insertInto('schema_migrations').values({ version: migration.version, ...values }).execute()
  }
  return checksum !== undefined
}

async function recordChecksum(trx: Kysely<Database>, migration: Migration): Promise<void> {
  await trx.updateTable('schema_migrations').set({ checksum: migrationChecksum(migration) }).where('version', '=', migration.version).where('checksum', 'is', null).execute()
}

function sqlOf(statement: MigrationStatement): string {
  return typeof statement === 'string' ? statement : statement.sql
}

async function failedRun(handle: DatabaseHandle, error: unknown, known: readonly Migration[]): Promise<MigrationRun> {
  const status = await readMigrationStatus(handle.db, handle.dialect, known).catch(() => emptyStatus(known))
  return { steps: [], status, error: toAppError(toDatabaseFailure(handle, error)) }
}

function emptyStatus(known: readonly Migration[]): MigrationStatus {
  return { entries: [], pending: known.map((m) => m.version), changed: [], unknown: [], current: null, latest: known.at(-1)?.version ?? '000' }
}
