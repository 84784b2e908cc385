import type { DatabaseHandle } from '../main/db/connection'
import { backupBeforeChange as writeSafetyBackup, type SafetyBackup } from '../main/admin/safety-backup'
import type { Output } from './output'

export type { SafetyBackup }

/** Before a destructive change: a timestamped copy beside a SQLite file, printed at once. */
export function backupBeforeChange(handle: DatabaseHandle, out: Output): SafetyBackup {
  const safety = writeSafetyBackup(handle)
  if (safety.backup !== null || handle.dialect === 'postgres') out.progress(safety.backupNote)
  return safety
}
