import { readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import type { BackupInfo } from '../../shared/domain/admin'
import { backupBeforeChange } from '../admin/safety-backup'
import { openDatabase, type DatabaseHandle } from '../db/connection'
import { AppFailure } from '../errors/app-failure'

/** Backups written beside a SQLite file (`<name>.backup-YYYYMMDD-HHMMSS[-n].db`), newest first. */
export function listBackups(handle: DatabaseHandle): BackupInfo[] {
  if (handle.target.dialect !== 'sqlite' || handle.target.memory) return []
  const file = handle.target.file
  const pattern = new RegExp(`^${escapeRegExp(basename(file, extname(file)))}\\.backup-\\d{8}-\\d{6}(?:-\\d+)?\\.db$`)
  return readdirSync(dirname(file))
    .filter((name) => pattern.test(name))
    .map((name) => {
      const stat = statSync(join(dirname(file), name))
      return { id: name, fileName: name, sizeBytes: stat.size, createdAt: stat.mtime.toISOString() }
    })
    .sort((a, b) => b.fileName.localeCompare(a.fileName))
}

/**
 * Copies backup `backupId` into the open file through SQLite's online backup API, after writing a
 * safety backup of the current content. The backup API writes under SQLite's own locks, so the
 * live file, its -wal and other readers stay consistent; files are never swapped underneath them.
 */
export async function restoreBackup(handle: DatabaseHandle, backupId: string, nativeBinding?: string): Promise<void> {
  if (handle.target.dialect !== 'sqlite' || handle.target.memory) throw new AppFailure('InvalidInput', `${handle.label}: restore is only for SQLite files`)
  if (handle.readonly) throw new AppFailure('ReadOnly', `${handle.label} is open read-only; restoring needs write access`)
  // Only ids listBackups issued: a name, never a path.
  const backup = listBackups(handle).find((info) => info.id === backupId)
  if (!backup) throw new AppFailure('NotFound', `no backup ${backupId} beside ${handle.label}`)
  const source = await openDatabase({ dialect: 'sqlite', file: join(dirname(handle.target.file), backup.fileName), memory: false }, { readonly: true, ...(nativeBinding !== undefined && { nativeBinding }) })
  try {
    backupBeforeChange(handle)
    await source.sqlite!.backup(handle.target.file)
  } finally {
    await source.close()
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
