import type { AppError } from '../api/result'

/** The database the app has open, as the renderer may see it (never a password). */
export interface DatabaseInfo {
  dialect: 'sqlite' | 'postgres'
  /** File path or host:port/database. */
  label: string
  readonly: boolean
  sizeBytes: number | null
  schemaVersion: string | null
  latestVersion: string
  pendingMigrations: string[]
  unknownMigrations: string[]
  changedMigrations: string[]
  /** True when the games table is empty: the UI offers sample data. */
  isEmpty: boolean
}

export interface RecentDatabase {
  /** Opaque id main gave this entry; the renderer never sends a path. */
  id: string
  label: string
  dialect: 'sqlite' | 'postgres'
  openedAt: string
}

export interface MigrationInfo {
  version: string
  description: string
  state: 'applied' | 'pending' | 'changed' | 'missing-objects' | 'unknown'
  appliedAt: string | null
}

export interface MigrationReport {
  migrations: MigrationInfo[]
  schemaVersion: string | null
  latestVersion: string
  pending: string[]
  changed: string[]
  unknown: string[]
}

export interface BackupInfo {
  id: string
  fileName: string
  sizeBytes: number
  createdAt: string
}

export type JobKind = 'import' | 'export' | 'tmi' | 'cleanup' | 'migrate' | 'backup' | 'demo'

/** Long work runs off the UI's thread; calls that start it return this at once. */
export interface JobStarted {
  jobId: string
  kind: JobKind
}

export interface JobProgress {
  jobId: string
  kind: JobKind
  done: number
  total: number | null
  message: string
}

/** How a job ended: its summary, or why it did not finish (code `Cancelled` when it was cancelled). */
export type JobFinished =
  | {
      jobId: string
      kind: JobKind
      ok: true
      /** One-line summary for the status bar. */
      message: string
      /** Where an export went: a path in the app, a download URL in `momentum serve`. */
      download: string | null
    }
  | {
      jobId: string
      kind: JobKind
      ok: false
      /** The same as `error.message`, so every outcome has a one-line summary. */
      message: string
      error: AppError
      download: null
    }

/** What main knows about jobs right now: a page that may have missed pushes re-reads this. */
export interface JobsSnapshot {
  /** Each running job with its latest progress. */
  running: JobProgress[]
  /** The most recently finished jobs, oldest first (bounded). */
  finished: JobFinished[]
}
