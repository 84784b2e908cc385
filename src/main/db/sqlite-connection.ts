import BetterSqlite3 from 'better-sqlite3'
import { AppFailure } from '../errors/app-failure'
import { createDatabaseFile } from './sqlite-file-create'
import { inspectDatabaseFile, isWritableFile } from './sqlite-file-check'
import { refuseTruncatedDatabase } from './sqlite-truncation-check'
import { toSqliteFailure } from './sqlite-errors'

export interface SqliteOpenOptions {
  /** Create the file when it does not exist (only `migrate` and `create` mean to). */
  create?: boolean
  readonly?: boolean
  busyTimeoutMs?: number
  /** Path of a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000

/** Opens a SQLite file only after it has proven to be a database; never creates one by accident. */
export function openSqliteFile(file: string, options: SqliteOpenOptions = {}): BetterSqlite3.Database {
  const memory = file === ':memory:'
  const state = memory ? 'database' : inspectDatabaseFile(file)
  if (state === 'missing' && !options.create) {
    throw new AppFailure('NotFound', `${file} does not exist (run "momentum migrate" or "momentum create" to make a new database)`)
  }
  if (state === 'database' && !memory && !options.readonly && !isWritableFile(file)) {
    throw new AppFailure('ReadOnly', `${file} is read-only (no write permission); open it read-only or copy it`)
  }
  if (state === 'database' && !memory) refuseTruncatedDatabase(file)
  // Created atomically with its header: a second process must never see a zero-byte file here.
  if (state === 'missing') createDatabaseFile(file, options.nativeBinding)
  let db: BetterSqlite3.Database
  try {
    db = new BetterSqlite3(file, {
      readonly: options.readonly ?? false,
      fileMustExist: !memory,
      timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    })
  } catch (error) {
    throw toSqliteFailure(error, file)
  }
  try {
    probe(db, file, state === 'database' && !memory && !options.readonly)
    configure(db, options.readonly ?? false, memory)
  } catch (error) {
    db.close()
    throw toSqliteFailure(error, file)
  }
  return db
}

/** A query that fails on non-databases; quick_check before we may write to a file we did not create. */
function probe(db: BetterSqlite3.Database, file: string, checkPages: boolean): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get()
  if (!checkPages) return
  const rows = db.prepare('PRAGMA quick_check(1)').pluck().all() as string[]
  if (rows[0] === 'ok') return
  // quick_check answers in several lines ("*** in database main ***" then the finding): keep one.
  const finding = (rows[0] ?? 'no answer').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('***')).join('; ')
  throw new AppFailure('Damaged', `${file} is damaged: quick_check reported "${finding || 'no answer'}"`)
}

function configure(db: BetterSqlite3.Database, readonly: boolean, memory: boolean): void {
  db.pragma('foreign_keys = ON')
  if (readonly || memory) return
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  db.pragma('journal_size_limit = 67108864')
}
