import { sql, type RawBuilder } from 'kysely'
import type { Dialect } from '../db/connection'

/**
 * A timestamp column as something that sorts by time. SQLite files hold the original's text in
 * mixed forms (space or `T`, with or without a fraction), whose text order is wrong, so SQLite
 * compares julianday() values; PostgreSQL columns are real timestamps already.
 */
export function timeOf(dialect: Dialect, column: string): RawBuilder<number | string | null> {
  return dialect === 'sqlite' ? sql`julianday(${sql.ref(column)})` : sql`${sql.ref(column)}`
}

/** A bound that compares with `timeOf` (the text must be an accepted timestamp). */
export function timeValue(dialect: Dialect, text: string): RawBuilder<number | string | null> {
  return dialect === 'sqlite' ? sql`julianday(${text})` : sql`cast(${text} as timestamp)`
}
