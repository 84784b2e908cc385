import { useState } from 'react'
import type { BackupInfo } from '@shared/domain/admin'
import { call } from '../../lib/api'
import { bumpData } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'
import { useApiQuery } from '../../lib/useApiQuery'
import { runJob, showSucceeded } from '../jobs/job-store'

const NONE = {}
const NO_BACKUPS: BackupInfo[] = []

export interface Backups {
  backups: BackupInfo[]
  loading: boolean
  busy: boolean
  backUp: () => Promise<void>
  restore: (backupId: string) => Promise<void>
}

export function useBackups(): Backups {
  const list = useApiQuery('admin:backups', NONE, { domains: ['backups', 'database'], context: 'Listing backups' })
  const [busy, setBusy] = useState(false)
  return {
    backups: list.data ?? NO_BACKUPS,
    loading: list.loading,
    busy,
    async backUp() {
      setBusy(true)
      await runJob('Back up the database', call('admin:backup', {}))
      setBusy(false)
    },
    async restore(backupId) {
      setBusy(true)
      const result = await call('admin:restore', { backupId, confirm: 'RESTORE' })
      setBusy(false)
      if (!result.ok) return reportError('Restoring a backup', result.error)
      const fileName = list.data?.find((backup) => backup.id === backupId)?.fileName ?? backupId
      showSucceeded('backup', 'Restore backup', `the database is now ${fileName} (schema ${result.value.schemaVersion ?? 'none'})`)
      bumpData()
    },
  }
}
