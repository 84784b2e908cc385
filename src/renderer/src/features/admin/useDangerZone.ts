import { useState } from 'react'
import type { Result } from '@shared/api/result'
import type { DatabaseInfo } from '@shared/domain/admin'
import { call } from '../../lib/api'
import { bumpData } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'
import { showSucceeded } from '../jobs/job-store'

/** Reset (empty schema) and Drop (remove the data); main writes a backup before either. */
export function useDangerZone(): { busy: boolean; reset: () => Promise<void>; drop: () => Promise<void> } {
  const [busy, setBusy] = useState(false)
  async function perform(context: string, label: string, work: () => Promise<Result<DatabaseInfo>>, done: (info: DatabaseInfo) => string): Promise<void> {
    setBusy(true)
    const result = await work()
    setBusy(false)
    if (!result.ok) return reportError(context, result.error)
    showSucceeded('migrate', label, done(result.value))
    bumpData()
  }
  return {
    busy,
    reset: () =>
      perform('Resetting the database', 'Reset database', () => call('admin:reset', { confirm: 'RESET' }), (info) => `every game, event and TMI row deleted; schema recreated at ${info.schemaVersion ?? 'no version'}${backupWritten(info)}`),
    drop: () =>
      perform('Dropping the database', 'Drop database', () => call('admin:drop', { confirm: 'DROP' }), (info) => `MomentumML tables removed; migrate to use the database again${backupWritten(info)}`),
  }
}

function backupWritten(info: DatabaseInfo): string {
  return info.dialect === 'sqlite' ? '; a backup was written first (see Backups)' : ''
}
