import type { MigrationReport } from '../../shared/domain/admin'
import { toDatabaseFailure } from '../db/connection'
import { parseDatabaseSpec, type DatabaseTarget } from '../db/database-target'
import { readMigrationStatus } from '../db/migration-status'
import { AppFailure } from '../errors/app-failure'
import { checkHealth } from '../health/health.service'
import type { Handlers } from './call-channel'
import type { HandlerContext } from './handler-context'

type DatabaseChannels = 'db:current' | 'db:recent' | 'db:openDialog' | 'db:openRecent' | 'db:connect' | 'migrations:status' | 'migrations:migrate' | 'health:check'

/** Switching databases under a running job would pull its file away: refuse instead. */
export function refuseWhileJobsRun(context: HandlerContext, what: string): void {
  if (context.jobs.running > 0) throw new AppFailure('Conflict', `cannot ${what} while ${context.jobs.running} job(s) run; wait for them or cancel them`)
}

function sqliteFile(file: string): DatabaseTarget {
  return { dialect: 'sqlite', file, memory: false }
}

export function databaseHandlers(context: HandlerContext): Pick<Handlers, DatabaseChannels> {
  const { session, recent, files, jobs, ports } = context
  return {
    'db:current': async () => session.info(),
    'db:recent': async () => recent.list(),
    'db:openDialog': async ({ readonly }) => {
      const file = await ports.pickDatabaseFile()
      if (file === null) return null
      refuseWhileJobsRun(context, 'open another database')
      return session.open(sqliteFile(file), { readonly })
    },
    'db:openRecent': async ({ id, readonly }) => {
      refuseWhileJobsRun(context, 'open another database')
      const spec = recent.specOf(id)
      return session.open(spec !== undefined ? parseDatabaseSpec(spec) : sqliteFile(files.resolve(id)), { readonly })
    },
    'db:connect': async ({ url }) => {
      refuseWhileJobsRun(context, 'connect to another database')
      const target = parseDatabaseSpec(url)
      if (target.dialect !== 'postgres') throw new AppFailure('InvalidInput', 'expected a postgresql:// URL')
      return session.open(target)
    },
    'migrations:status': async () => {
      const handle = session.require()
      try {
        return toMigrationReport(await readMigrationStatus(handle.db, handle.dialect))
      } catch (error) {
        throw toDatabaseFailure(handle, error)
      }
    },
    'migrations:migrate': async ({ to }) => jobs.start(session.workerDatabase(), { kind: 'migrate', ...(to !== undefined && { to }) }),
    'health:check': async () => checkHealth(session.require()),
  }
}

function toMigrationReport(status: Awaited<ReturnType<typeof readMigrationStatus>>): MigrationReport {
  return {
    migrations: status.entries.map(({ version, description, state, appliedAt }) => ({ version, description, state, appliedAt })),
    schemaVersion: status.current,
    latestVersion: status.latest,
    pending: status.pending,
    changed: status.changed,
    unknown: status.unknown,
  }
}
