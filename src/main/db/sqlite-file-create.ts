import BetterSqlite3 from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppFailure } from '../errors/app-failure'
import { publishFile } from '../files/publish-file'

/**
 * Creates a new, empty SQLite file atomically: it is built under a temp name in the same folder
 * and linked into place only once its header is written. Opening the path directly would expose a
 * zero-byte file that a second process starting at the same moment must refuse as "empty".
 * Returns false when the file already exists (possibly made by that other process just now).
 */
export function createDatabaseFile(file: string, nativeBinding?: string): boolean {
  if (existsSync(file)) return false
  const folder = dirname(file)
  const temp = join(folder, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.creating`)
  try {
    mkdirSync(folder, { recursive: true })
    const db = new BetterSqlite3(temp, nativeBinding ? { nativeBinding } : {})
    try {
      db.pragma('user_version = 0') // a write transaction: page 1 and the header reach the file
    } finally {
      db.close()
    }
    return publishFile(temp, file)
  } catch (error) {
    if (error instanceof AppFailure) throw error
    throw new AppFailure('NotFound', `${file}: cannot create the database file (${(error as Error).message})`)
  } finally {
    rmSync(temp, { force: true })
  }
}
