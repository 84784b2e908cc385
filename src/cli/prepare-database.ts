import { toDatabaseFailure, type DatabaseHandle } from '../main/db/connection'
import type { DatabaseTarget } from '../main/db/database-target'
import { readMigrationStatus } from '../main/db/migration-status'
import { migrate } from '../main/db/migrator'
import { AppFailure } from '../main/errors/app-failure'
import { busyTimeoutFromEnv, withDatabase } from './context'
import { plural } from './output'

export interface PreparedDatabase {
  handle: DatabaseHandle
  /** Versions this command applied before writing (empty when the schema was up to date). */
  migrated: string[]
}

/**
 * The data-writing commands (import, fetch, demo, tmi compute) write into the latest schema, so
 * they first apply pending migrations, as `momentum migrate` would: a new file is ready to fill and
 * a Python-app database is adopted. An up-to-date schema is only read (no lock, no write); a newer
 * one (or pending migrations over a changed one) is refused by the migrator, and nothing is written.
 */
export async function withMigratedDatabase<T>(target: DatabaseTarget, mode: 'create' | 'write', work: (db: PreparedDatabase) => Promise<T>): Promise<T> {
  return withDatabase(target, mode, async (handle) => {
    const status = await readMigrationStatus(handle.db, handle.dialect).catch((error: unknown) => {
      throw toDatabaseFailure(handle, error)
    })
    // A newer schema goes through the migrator too, which refuses it with its usual message.
    if (status.pending.length === 0 && status.unknown.length === 0) return work({ handle, migrated: [] })
    const lockTimeoutMs = busyTimeoutFromEnv()
    const run = await migrate(handle, lockTimeoutMs !== undefined ? { lockTimeoutMs } : {})
    if (run.error) throw new AppFailure(run.error.code, run.error.message)
    return work({ handle, migrated: run.steps.map((step) => step.version) })
  })
}

/** The report line for migrations a command applied first, or nothing. */
export function migratedLines(label: string, migrated: readonly string[]): string[] {
  return migrated.length === 0 ? [] : [`Applied ${plural(migrated.length, 'migration')} (${migrated.join(', ')}) to ${label} first.`]
}
