import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely, SelectQueryBuilder } from 'kysely'
import type { Dialect } from '../db/connection'
import type { Database, EventRow, NewEvent } from '../db/schema'
import { insertNewEventsSqlite } from './sqlite-event-insert'
import { timeOf } from './timestamp-sql'

/** Ids per existence lookup: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const LOOKUP_CHUNK = 5_000

/** Rows per multi-row INSERT on PostgreSQL: 26,000 parameters, below its 65,535. */
const PG_INSERT_ROWS = 2_000

export interface EventFilter {
  gameId: string
  team?: string
  period?: number
  eventType?: string
}

/** Stored rows among `eventIds`; pass at most LOOKUP_CHUNK ids. */
export function findEventsByIds(db: Kysely<Database>, eventIds: readonly string[]): Promise<EventRow[]> {
  if (eventIds.length === 0) return Promise.resolve([])
  return db.selectFrom('events').selectAll().where('event_id', 'in', eventIds).execute()
}

/**
 * Inserts the rows whose event_id is not stored yet and returns the others, which it leaves as
 * they are. With the SQLite connection given, uses the prepared-statement path.
 */
export async function insertNewEvents(
  db: Kysely<Database>,
  rows: readonly NewEvent[],
  sqlite: BetterSqlite3.Database | null = null,
): Promise<NewEvent[]> {
  if (sqlite) return insertNewEventsSqlite(sqlite, rows)
  const known: NewEvent[] = []
  for (let start = 0; start < rows.length; start += PG_INSERT_ROWS) {
    const chunk = rows.slice(start, start + PG_INSERT_ROWS)
    const inserted = await db
      .insertInto('events')
      .values(chunk)
      .onConflict((oc) => oc.column('event_id').doNothing())
      .returning('event_id')
      .execute()
    if (inserted.length === chunk.length) continue
    const ids = new Set(inserted.map((row) => row.event_id))
    for (const row of chunk) if (!ids.has(row.event_id)) known.push(row)
  }
  return known
}

export async function updateEvent(db: Kysely<Database>, row: NewEvent): Promise<void> {
  const { event_id: eventId, ...changes } = row
  await db.updateTable('events').set(changes).where('event_id', '=', eventId).execute()
}

/**
 * Events in game order: period ascending, clock (seconds left) descending, NBA order number, time,
 * then id. NULLs come last on both dialects (SQLite would put them first).
 */
export function findEventsInGameOrder(
  db: Kysely<Database>,
  dialect: Dialect,
  filter: EventFilter,
  page?: { limit: number; offset: number },
): Promise<EventRow[]> {
  let query: SelectQueryBuilder<Database, 'events', EventRow> = db.selectFrom('events').selectAll().where('game_id', '=', filter.gameId)
  if (filter.team !== undefined) query = query.where('team_tricode', '=', filter.team)
  if (filter.period !== undefined) query = query.where('period', '=', filter.period)
  if (filter.eventType !== undefined) query = query.where('event_type', '=', filter.eventType)
  query = query
    .orderBy('period', 'asc')
    .orderBy('clock_seconds', (ob) => ob.desc().nullsLast())
    .orderBy('order_number', (ob) => ob.asc().nullsLast())
    .orderBy(timeOf(dialect, 'timestamp'), (ob) => ob.asc().nullsLast())
    .orderBy('event_id', 'asc')
  if (page) query = query.limit(page.limit).offset(page.offset)
  return query.execute()
}
