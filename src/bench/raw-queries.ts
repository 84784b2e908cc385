import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely'
import type { DatabaseHandle } from '../main/db/connection'
import type { Database } from '../main/db/schema'

/** Columns of one event row, in the order the raw INSERT binds them. */
export const EVENT_COLUMNS = [
  'event_id', 'game_id', 'team_tricode', 'player_name', 'event_type', 'clock', 'period', 'points_total',
  'shot_result', 'description', 'timestamp', 'order_number', 'clock_seconds',
] as const

export interface CapturedQuery {
  sql: string
  parameters: readonly unknown[]
}

/**
 * Runs `work` against a handle whose Kysely logs every query, and returns the SQL and parameters
 * it sent. The raw bound then replays exactly these SELECTs through prepared statements: the
 * difference between the two is what our layer (query building, mapping) costs.
 */
export async function captureQueries(handle: DatabaseHandle, work: (logged: DatabaseHandle) => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = []
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters })
  }
  const dialect = handle.sqlite ? new SqliteDialect({ database: handle.sqlite }) : new PostgresDialect({ pool: handle.pool! })
  // Not destroyed: that would close the connection or pool the original handle still owns.
  const db = new Kysely<Database>({ dialect, log })
  await work({ ...handle, db })
  return captured
}
