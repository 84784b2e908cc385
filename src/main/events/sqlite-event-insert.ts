import type BetterSqlite3 from 'better-sqlite3'
import type { NewEvent } from '../db/schema'

/**
 * The SQLite ingest path. Kysely's SQLite driver prepares every statement anew and builds a node
 * tree per value; on a million events that costs about as much as the inserts themselves. Here one
 * statement per connection is prepared once and run per row, which measured as fast as the raw
 * bound whether events arrive game by game or interleaved (multi-row VALUES lost 2× interleaved).
 * It runs on the same connection as the caller's Kysely transaction, so it is part of it. The SQL
 * is built from the constant column list only; values are always bound.
 */
export const EVENT_COLUMNS = [
  'event_id', 'game_id', 'team_tricode', 'player_name', 'event_type', 'clock', 'period',
  'points_total', 'shot_result', 'description', 'timestamp', 'order_number', 'clock_seconds',
] as const satisfies ReadonlyArray<keyof NewEvent>

const INSERT_IF_NEW =
  `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')}) ` +
  'ON CONFLICT (event_id) DO NOTHING'

const statements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>()

/** Inserts the rows whose event_id is not stored yet; returns the others, which it left alone. */
export function insertNewEventsSqlite(sqlite: BetterSqlite3.Database, rows: readonly NewEvent[]): NewEvent[] {
  let insert = statements.get(sqlite)
  if (!insert) {
    insert = sqlite.prepare(INSERT_IF_NEW)
    statements.set(sqlite, insert)
  }
  const known: NewEvent[] = []
  for (const row of rows) {
    const { changes } = insert.run(
      row.event_id, row.game_id, row.team_tricode, row.player_name ?? null, row.event_type, row.clock, row.period,
      row.points_total ?? null, row.shot_result ?? null, row.description ?? null, row.timestamp ?? null,
      row.order_number ?? null, row.clock_seconds ?? null,
    )
    if (changes === 0) known.push(row)
  }
  return known
}
