import { Command, InvalidArgumentError } from 'commander'
import { openDatabase, type DatabaseHandle } from '../main/db/connection'
import { describeTarget, resolveDatabaseTarget, type DatabaseTarget } from '../main/db/database-target'
import { AppFailure } from '../main/errors/app-failure'

export interface CommonOptions {
  db?: string
  json?: boolean
}

/** A usage mistake (missing --confirm, bad option value): exit code 2, like commander's own. */
export class UsageError extends Error {}

/** `create` may make a missing file; `read` opens SQLite `readonly` so the file is never changed. */
export type OpenMode = 'create' | 'write' | 'read'

export function addCommonOptions(command: Command): Command {
  return command
    .option('--db <path|url>', 'SQLite file, sqlite:///PATH or postgresql://… (default: $DATABASE_URL, then momentum_ml.db in the data folder)')
    .option('--json', 'print exactly one JSON document on stdout')
}

export function resolveTarget(options: CommonOptions): DatabaseTarget {
  return resolveDatabaseTarget(options.db, process.env)
}

export function targetLabel(target: DatabaseTarget): string {
  return describeTarget(target)
}

export function isSqliteFile(target: DatabaseTarget): target is Extract<DatabaseTarget, { dialect: 'sqlite' }> {
  return target.dialect === 'sqlite' && !target.memory
}

/** MOMENTUM_BUSY_TIMEOUT_MS: how long a write waits for another process's lock (default 5 s). */
export function busyTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.MOMENTUM_BUSY_TIMEOUT_MS
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new AppFailure('InvalidInput', `MOMENTUM_BUSY_TIMEOUT_MS must be a whole number of milliseconds, not "${raw}"`)
  return value
}

export async function openForCommand(target: DatabaseTarget, mode: OpenMode): Promise<DatabaseHandle> {
  const busyTimeoutMs = busyTimeoutFromEnv()
  return openDatabase(target, {
    create: mode === 'create',
    readonly: mode === 'read',
    ...(busyTimeoutMs !== undefined ? { busyTimeoutMs } : {}),
  })
}

export async function withDatabase<T>(target: DatabaseTarget, mode: OpenMode, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openForCommand(target, mode)
  try {
    return await work(handle)
  } finally {
    await handle.close()
  }
}

/** Destructive commands refuse to start without --confirm (exit 2) and say what a confirmed run would do. */
export function requireConfirm(confirmed: boolean | undefined, target: DatabaseTarget, what: string): void {
  if (confirmed) return
  const backup = isSqliteFile(target) ? 'a backup is written beside the file first' : target.dialect === 'postgres' ? 'no backup is made on PostgreSQL' : 'no backup is made'
  throw new UsageError(`${what} ${describeTarget(target)}; nothing was changed — run again with --confirm (${backup})`)
}

/** commander argParser for `--keep-tmi N` and the like. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number ≥ 0')
  return Number(value)
}
