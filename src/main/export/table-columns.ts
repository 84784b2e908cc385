import { sql, type AliasedRawBuilder } from 'kysely'
import type { DatabaseHandle, Dialect } from '../db/connection'
import { listColumns } from '../db/introspection'

/**
 * Columns our migrations 005 and 006 added are missing from a database the Python app wrote that is
 * opened read-only; the export then reads them as NULL instead of failing.
 */
export interface ColumnSet {
  has(column: string): boolean
  /** `alias.column AS column`, or `NULL AS column` when the table lacks it. */
  select(column: string): AliasedRawBuilder<unknown, string>
  /** The same for a REAL column, read as text (see realAsText). */
  selectReal(column: string): AliasedRawBuilder<unknown, string>
}

/*
 * REAL columns are read as the database's own text of the number: turning millions of doubles into
 * strings in JS goes through V8's number-string cache, which keeps each new string alive long
 * enough to be promoted, and the old generation grew by ~40 MB per million rows. Both databases
 * print a round-trip exact decimal (SQLite 15 or 17 digits, PostgreSQL the shortest), which the
 * CSV writer checks and writes as a number.
 */
export function realAsText(reference: string) {
  return sql`CAST(${sql.ref(reference)} AS TEXT)`
}

/**
 * A timestamp column as a sort key. SQLite stores text in whatever form was written
 * (`2025-10-23T21:12:51` sorts after `2025-10-23 21:12:52` as text), so it sorts by julianday(),
 * which reads every accepted form; PostgreSQL columns are real timestamps.
 */
export function chronological(dialect: Dialect, reference: string) {
  return dialect === 'sqlite' ? sql`julianday(${sql.ref(reference)})` : sql.ref(reference)
}

export async function readColumnSet(handle: DatabaseHandle, table: string, alias: string): Promise<ColumnSet> {
  const present = new Set(await listColumns(handle.db, handle.dialect, table))
  return {
    has: (column) => present.has(column),
    select: (column) => (present.has(column) ? sql.ref(`${alias}.${column}`) : sql`NULL`).as(column),
    selectReal: (column) => (present.has(column) ? realAsText(`${alias}.${column}`) : sql`NULL`).as(column),
  }
}
