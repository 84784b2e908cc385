import { useState } from 'react'
import type { MigrationReport } from '@shared/domain/admin'
import { call } from '../../lib/api'
import { useApiQuery } from '../../lib/useApiQuery'
import { runJob } from '../jobs/job-store'

const NONE = {}

export function useMigrations(): { report: MigrationReport | undefined; loading: boolean; migrating: boolean; migrate: () => Promise<void> } {
  const status = useApiQuery('migrations:status', NONE, { domains: ['migrations', 'database'], context: 'Reading migrations' })
  const [migrating, setMigrating] = useState(false)
  return {
    report: status.data,
    loading: status.loading,
    migrating,
    async migrate() {
      setMigrating(true)
      await runJob('Migrate to the latest schema', call('migrations:migrate', {}))
      setMigrating(false)
    },
  }
}
