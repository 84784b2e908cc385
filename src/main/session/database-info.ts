import { existsSync, statSync } from 'node:fs'
import { sql } from 'kysely'
import type { DatabaseInfo } from '../../shared/domain/admin'
import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import { hasTable } from '../db/introspection'
import { readMigrationStatus } from '../db/migration-status'

/** What the renderer may know about the open database: label and schema state, never a password. */
export async function readDatabaseInfo(handle: DatabaseHandle): Promise<DatabaseInfo> {
  try {
    const status = await readMigrationStatus(handle.db, handle.dialect)
    return {
      dialect: handle.dialect,
      label: handle.label,
      readonly: handle.readonly,
      sizeBytes: await databaseSize(handle),
      schemaVersion: status.current,
      latestVersion: status.latest,
      pendingMigrations: status.pending,
      unknownMigrations: status.unknown,
      changedMigrations: status.changed,
      isEmpty: await isEmpty(handle),
    }
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}

/** The file (+ its -wal) on SQLite; the whole database on PostgreSQL, as `health` reports it. */
async function databaseSize(handle: DatabaseHandle): Promise<number | null> {
  if (handle.target.dialect === 'postgres') {
    const { rows } = await sql<{ size: number }>`SELECT pg_database_size(current_database()) AS size`.execute(handle.db)
    return rows[0] === undefined ? null : Number(rows[0].size)
  }
  if (handle.target.memory) return null
  const size = (file: string): number => (existsSync(file) ? statSync(file).size : 0)
  return size(handle.target.file) + size(`${handle.target.file}-wal`)
}

async function isEmpty(handle: DatabaseHandle): Promise<boolean> {
  if (!(await hasTable(handle.db, handle.dialect, 'games'))) return true
  return (await handle.db.selectFrom('games').select('game_id').limit(1).executeTakeFirst()) === undefined
}
