/**
 * `warning` parts do not make the report fail: pending migrations, or migrations recorded by a
 * newer app, still leave every read working. `error` parts do (ok = no error part).
 */
export type HealthLevel = 'ok' | 'warning' | 'error'

export type HealthPartName =
  | 'location'
  | 'size'
  | 'journal-mode'
  | 'schema-version'
  | 'migrations'
  | 'quick-check'
  | 'foreign-keys'
  | 'tables'
  | 'latency'
  | 'pool'

/** One check: `ok` is false only for an error, and `detail` says what was found or what failed. */
export interface HealthPart {
  name: HealthPartName
  ok: boolean
  level: HealthLevel
  detail: string
}

export interface HealthPoolStats {
  totalCount: number
  idleCount: number
  waitingCount: number
}

export interface HealthReport {
  ok: boolean
  dialect: 'sqlite' | 'postgres'
  /** File path, or host:port/database (never a password). */
  location: string
  /** ISO-8601 UTC. */
  checkedAt: string
  /** SQLite: file + `-wal`; PostgreSQL: pg_database_size of the whole database. */
  sizeBytes: number | null
  /** SQLite only (`wal`, `delete`, `memory`, …). */
  journalMode: string | null
  /** Highest applied migration version, null when none is recorded. */
  schemaVersion: string | null
  latestVersion: string
  pendingMigrations: string[]
  unknownMigrations: string[]
  changedMigrations: string[]
  /** SQLite `PRAGMA quick_check` first answer (`ok` when healthy). */
  quickCheck: string | null
  /** SQLite: rows reported by `PRAGMA foreign_key_check`; PostgreSQL: orphan events and TMI rows. */
  foreignKeyViolations: number | null
  rowCounts: Record<string, number>
  /** Round trip of `SELECT 1`, in milliseconds. */
  latencyMs: number | null
  pool: HealthPoolStats | null
  parts: HealthPart[]
}
