import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import { backupBesideDatabase } from './backup'

/** What a destructive action (reset, drop, cleanup, rollback, restore) did to keep the old data. */
export interface SafetyBackup {
  /** Path of the backup written beside the file, or null (PostgreSQL, in-memory). */
  backup: string | null
  backupNote: string
}

export const POSTGRES_BACKUP_NOTE = 'No backup was made: momentum does not back up PostgreSQL databases (use pg_dump first if you need one).'
export const MEMORY_BACKUP_NOTE = 'No backup was made (in-memory database).'

/** Before a destructive change: a timestamped copy beside a SQLite file (shared by the CLI and the app). */
export function backupBeforeChange(handle: DatabaseHandle): SafetyBackup {
  if (handle.target.dialect === 'postgres') return { backup: null, backupNote: POSTGRES_BACKUP_NOTE }
  if (handle.target.memory) return { backup: null, backupNote: MEMORY_BACKUP_NOTE }
  assertWritable(handle)
  const { file } = backupBesideDatabase(handle)
  return { backup: file, backupNote: `Backup written: ${file}` }
}

/** Fails before the backup, not after it, when another process holds the write lock past the busy timeout. */
function assertWritable(handle: DatabaseHandle): void {
  try {
    handle.sqlite!.exec('BEGIN IMMEDIATE')
    handle.sqlite!.exec('ROLLBACK')
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}
