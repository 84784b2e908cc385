import { AppFailure } from '../errors/app-failure'
import { isSafeExternalUrl } from '../security/external-links'
import type { Handlers } from './call-channel'
import type { HandlerContext } from './handler-context'

type JobChannels = 'tmi:compute' | 'admin:cleanup' | 'admin:backup' | 'import:files' | 'demo:fill' | 'export:tmi' | 'jobs:cancel' | 'jobs:list' | 'app:openExternal'

export function jobHandlers({ session, files, jobs, ports }: HandlerContext): Pick<Handlers, JobChannels> {
  return {
    'tmi:compute': async (input) => jobs.start(session.workerDatabase(), { kind: 'tmi', ...input }),
    'admin:cleanup': async ({ gameId, keepTmi }) => jobs.start(session.workerDatabase(), { kind: 'cleanup', keepTmi, ...(gameId !== undefined && { gameId }) }),
    'admin:backup': async () => {
      if (session.require().dialect !== 'sqlite') throw new AppFailure('InvalidInput', 'backups are for SQLite files; use pg_dump for PostgreSQL')
      return jobs.start(session.workerDatabase(), { kind: 'backup' })
    },
    'import:files': async ({ fileIds }) => {
      const database = session.workerDatabase()
      const paths = fileIds !== undefined ? fileIds.map((id) => files.resolve(id)) : await ports.pickImportFiles()
      if (paths === null || paths.length === 0) throw new AppFailure('Cancelled', 'no files were chosen')
      // Uploads are reported under the name the user gave; dialog picks under their real path.
      const names = Object.fromEntries((fileIds ?? []).map((id) => [files.resolve(id), files.nameOf(id)]))
      return jobs.start(database, { kind: 'import', paths, computeTmi: true, names })
    },
    'demo:fill': async ({ games, seed }) => jobs.start(session.workerDatabase(), { kind: 'demo', games, ...(seed !== undefined && { seed }) }),
    'export:tmi': async (filter) => {
      const database = session.workerDatabase()
      const target = await ports.chooseExportTarget(`tmi${filter.gameId !== undefined ? `-${filter.gameId}` : ''}.csv`)
      if (target === null) throw new AppFailure('Cancelled', 'no file was chosen')
      return jobs.start(database, { kind: 'export', path: target.path, ...filter }, target.download)
    },
    'jobs:cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'jobs:list': async () => jobs.list(),
    'app:openExternal': async ({ url }) => ({ opened: isSafeExternalUrl(url) ? await ports.openExternal(url) : false }),
  }
}
