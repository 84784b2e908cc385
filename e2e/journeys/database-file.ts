/**
 * Reads the database file the app has open, straight through better-sqlite3 (never through our
 * code), so the journeys check what the UI shows against what is stored.
 */
import BetterSqlite3 from 'better-sqlite3'

export function queryFile<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    return read(db)
  } finally {
    db.close()
  }
}

export function countRows(file: string, table: 'games' | 'events' | 'tmi_calculations' | 'schema_migrations'): number {
  // The table name comes from the closed union above, never from input.
  return queryFile(file, (db) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number)
}

export interface TableCounts {
  games: number
  events: number
  tmi: number
}

export function tableCounts(file: string): TableCounts {
  return { games: countRows(file, 'games'), events: countRows(file, 'events'), tmi: countRows(file, 'tmi_calculations') }
}

/** Writes to the file next to the running app (SQLite serialises the writers). */
export function writeFile(file: string, write: (db: BetterSqlite3.Database) => void): void {
  const db = new BetterSqlite3(file, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    write(db)
  } finally {
    db.close()
  }
}
