import type { JobRunner } from '../jobs/job-runner'
import type { DatabaseSession } from '../session/database-session'
import type { FileRegistry } from '../session/file-registry'
import type { RecentDatabases } from '../session/recent-databases'

/**
 * What differs between the desktop app and `momentum serve`: the app shows native dialogs, serve
 * has uploads and downloads instead. Handlers call these and never Electron itself.
 */
export interface HandlerPorts {
  /** The Open dialog; null when cancelled. */
  pickDatabaseFile(): Promise<string | null>
  /** The import file picker; null when cancelled. */
  pickImportFiles(): Promise<string[] | null>
  /** Where an export goes: a path, plus the download URL serve hands out; null when cancelled. */
  chooseExportTarget(suggestedName: string): Promise<{ path: string; download: string | null } | null>
  /** Opens an already checked http(s) URL in the system browser. */
  openExternal(url: string): Promise<boolean>
}

export interface HandlerContext {
  session: DatabaseSession
  recent: RecentDatabases
  files: FileRegistry
  jobs: JobRunner
  ports: HandlerPorts
  /** better_sqlite3.node for Electron's ABI, for connections opened outside the session. */
  nativeBinding?: string
}
