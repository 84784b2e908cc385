import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { AppFailure } from '../errors/app-failure'

const SQLITE_HEADER = 'SQLite format 3\u0000'

export type FileState = 'missing' | 'database'

/**
 * Checks a path before SQLite touches it: SQLite happily "opens" a directory entry, a text file
 * or a zero-byte file and only fails (or silently initialises it) later.
 */
export function inspectDatabaseFile(file: string): FileState {
  let stat
  try {
    stat = statSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw new AppFailure('NotFound', `${file}: cannot read (${(error as Error).message})`)
  }
  if (stat.isDirectory()) throw new AppFailure('NotADatabase', `${file} is a directory, not a database file`)
  if (!stat.isFile()) throw new AppFailure('NotADatabase', `${file} is not a regular file`)
  if (stat.size === 0) throw new AppFailure('NotADatabase', `${file} is empty (0 bytes): not a game database`)
  const header = Buffer.alloc(16)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, 16, 0)
  } finally {
    closeSync(fd)
  }
  const length = Math.min(stat.size, 16)
  if (header.toString('latin1', 0, length) !== SQLITE_HEADER.slice(0, length)) {
    throw new AppFailure('NotADatabase', `${file} is not a SQLite database (its header is not "SQLite format 3")`)
  }
  if (stat.size < 100) throw new AppFailure('Damaged', `${file} is truncated (${stat.size} bytes): not a complete SQLite database`)
  return 'database'
}

/** Root ignores permission bits, so a file without any write bit is treated as read-only ourselves. */
export function isWritableFile(file: string): boolean {
  return (statSync(file).mode & 0o222) !== 0
}
