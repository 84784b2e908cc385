import type { DatabaseTarget } from '../db/database-target'
import { toAppError } from '../errors/app-failure'
import { JobRunner, type EmitEvent } from '../jobs/job-runner'
import { DatabaseSession } from '../session/database-session'
import { FileRegistry } from '../session/file-registry'
import { RecentDatabases } from '../session/recent-databases'
import { createHandlers, type Handlers, type HandlerPorts } from './handlers'

export interface AppServicesOptions {
  /** JSON file of the recent list; null keeps it in memory only. */
  recentFile: string | null
  workerPath: string
  emit: EmitEvent
  ports: HandlerPorts
  nativeBinding?: string
  busyTimeoutMs?: number
  /** Shared with serve's uploads; a fresh registry when absent. */
  files?: FileRegistry
}

export interface AppServices {
  session: DatabaseSession
  files: FileRegistry
  jobs: JobRunner
  handlers: Handlers
  /** Opens the start-up database; a failure is logged and leaves none open (the UI offers Open). */
  openAtStart(target: DatabaseTarget, options?: { isDefault?: boolean }): Promise<void>
  close(): Promise<void>
}

/** Everything behind the handler table, wired the same way for the desktop app and `momentum serve`. */
export function createAppServices(options: AppServicesOptions): AppServices {
  const { nativeBinding, busyTimeoutMs, emit } = options
  const driver = { ...(nativeBinding !== undefined && { nativeBinding }), ...(busyTimeoutMs !== undefined && { busyTimeoutMs }) }
  const recent = new RecentDatabases(options.recentFile)
  const session = new DatabaseSession({ recent, ...driver, onChange: (info) => emit('db:changed', info) })
  const jobs = new JobRunner({
    workerPath: options.workerPath,
    emit,
    onFinished: async () => {
      await session.notifyChanged()
    },
  })
  const files = options.files ?? new FileRegistry()
  const handlers = createHandlers({ session, recent, files, jobs, ports: options.ports, ...driver })
  return {
    session,
    files,
    jobs,
    handlers,
    openAtStart: async (target, { isDefault = false } = {}) => {
      try {
        await (isDefault ? session.openDefault(target) : session.open(target))
      } catch (error) {
        console.error(`momentum: could not open ${target.dialect === 'sqlite' ? target.file : 'the database'}: ${toAppError(error).message}`)
      }
    },
    close: async () => {
      await jobs.shutdown()
      await session.close()
    },
  }
}
