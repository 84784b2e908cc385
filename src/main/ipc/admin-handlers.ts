import { dropTables, resetDatabase } from '../admin/admin.service'
import { backupBeforeChange } from '../admin/safety-backup'
import type { DatabaseHandle } from '../db/connection'
import { listBackups, restoreBackup } from '../session/backup-files'
import type { Handlers } from './call-channel'
import { refuseWhileJobsRun } from './database-handlers'
import type { HandlerContext } from './handler-context'

type AdminChannels = 'admin:backups' | 'admin:restore' | 'admin:reset' | 'admin:drop'

/** Destructive calls: refused while a job runs, and on a SQLite file a backup is written first. */
export function adminHandlers(context: HandlerContext): Pick<Handlers, AdminChannels> {
  const { session } = context
  const changed = async () => (await session.notifyChanged())!
  return {
    'admin:backups': async () => listBackups(session.require()),
    'admin:restore': async ({ backupId }) => {
      refuseWhileJobsRun(context, 'restore a backup')
      await restoreBackup(session.require(), backupId, context.nativeBinding)
      return changed()
    },
    'admin:reset': async () => {
      refuseWhileJobsRun(context, 'reset the database')
      const handle = safetyBackup(session.require())
      await resetDatabase(handle)
      return changed()
    },
    'admin:drop': async () => {
      refuseWhileJobsRun(context, 'drop the tables')
      await dropTables(safetyBackup(session.require()))
      return changed()
    },
  }
}

/** A read-only handle writes no backup: drop and reset then refuse it with their own message. */
function safetyBackup(handle: DatabaseHandle): DatabaseHandle {
  if (!handle.readonly) backupBeforeChange(handle)
  return handle
}
