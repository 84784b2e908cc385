import { toDatabaseFailure, type DatabaseHandle } from '../main/db/connection'
import { backupBesideDatabase } from '../main/admin/backup'
import type { Output } from './output'

export interface SafetyBackup {
  /** Path of the backup written beside the file, or null (PostgreSQL, in-memory). */
  backup: string | null
  backupNote: string
}

/** Before a destructive change: a timestamped copy beside a SQLite file, printed at once. */
export function backupBeforeChange(handle: DatabaseHandle, out: Output): SafetyBackup {
  if (handle.target.dialect === 'postgres') {
    const backupNote = 'No backup was made: momentum does not back up PostgreSQL databases (use pg_dump first if you need one).'
    out.progress(backupNote)
    return { backup: null, backupNote }
  }
  if (handle.target.memory) return { backup: null, backupNote: 'No backup was made (in-memory database).' }
  assertWritable(handle)
  const { file } = backupBesideDatabase(handle)
  const backupNote = `Backup written: ${file}`
  out.progress(backupNote)
  return { backup: file, backupNote }
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
