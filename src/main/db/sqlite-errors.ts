import { AppFailure, isAppFailure } from '../errors/app-failure'

/** Maps better-sqlite3 error codes to one clear line that names the file and the cause. */
export function toSqliteFailure(error: unknown, file: string): AppFailure {
  if (isAppFailure(error)) return error
  const code = (error as { code?: string }).code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  if (code === 'SQLITE_NOTADB') return new AppFailure('NotADatabase', `${file} is not a SQLite database (${message})`)
  if (code.startsWith('SQLITE_CORRUPT')) return new AppFailure('Damaged', `${file} is damaged: ${message}`)
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppFailure('Busy', `${file} is locked by another process (gave up after the busy timeout)`)
  }
  if (code.startsWith('SQLITE_READONLY')) return new AppFailure('ReadOnly', `${file} is read-only: ${message}`)
  if (code.startsWith('SQLITE_CANTOPEN')) return new AppFailure('NotFound', `${file}: cannot open (${message})`)
  if (code === 'SQLITE_FULL') return new AppFailure('Internal', `${file}: disk full (${message})`)
  if (code.startsWith('SQLITE_IOERR')) return new AppFailure('Internal', `${file}: could not write to disk (${message})`)
  if (code === 'SQLITE_ERROR' && /no such (table|column)/.test(message)) {
    return new AppFailure('Conflict', `${file}: ${message}; the schema is not up to date (run "momentum migrate")`)
  }
  return new AppFailure('Internal', `${file}: ${message}`)
}
