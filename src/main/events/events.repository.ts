import type BetterSqlite3 from 'better-sqlite3'
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'
import type { Dialect } from '../db/connection'
import type { Database, EventRow, NewEvent } from '../db/schema'
import { insertNewEventsSqlite } from './sqlite-event-insert'
import { orderOf, sequenceKeys, sequenceTime, stepsAfter, type EventPosition } from './event-sequence'

/** Ids per existence lookup: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const LOOKUP_CHUNK = 5_000

/** Rows per multi-row INSERT on PostgreSQL: 26,000 parameters, below its 65,535. */
const PG_INSERT_ROWS = 2_000

export interface EventFilter {
  gameId: string
  team?: string
  period?: number
  eventType?: string
  /** Case-insensitive substring of the player name or the description. */
  search?: string
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

/** An event row with its time as the game order compares it (what a cursor needs). */
export type SequencedEventRow = EventRow & { sequence_time: number | string | null }

export type EventQuery = SelectQueryBuilder<Database, 'events', SequencedEventRow>

/**
 * Events in game order (see event-sequence.ts), in full or one offset page. The ORDER BY is the
 * order of idx_events_game_sequence, so both dialects read the index instead of sorting the game.
 */
export function findEventsInGameOrder(
  db: Kysely<Database>,
  dialect: Dialect,
  filter: EventFilter,
  page?: { limit: number; offset: number },
): Promise<SequencedEventRow[]> {
  let query = inGameOrder(filteredEvents(db, dialect, filter), dialect, 0)
  if (page) query = query.limit(page.limit).offset(page.offset)
  return query.execute()
}

/**
 * Up to `fetch` events after `after` (from the start when null) in game order: keyset paging. Runs
 * the index ranges of stepsAfter one by one until the page is full, so a page costs the same
 * anywhere in a 100,000-event game.
 */
export async function findEventsAfter(
  db: Kysely<Database>,
  dialect: Dialect,
  filter: EventFilter,
  after: EventPosition | null,
  fetch: number,
): Promise<SequencedEventRow[]> {
  const rows: SequencedEventRow[] = []
  for (const query of eventsAfterQueries(db, dialect, filter, after)) {
    rows.push(...(await query.limit(fetch - rows.length).execute()))
    if (rows.length >= fetch) break
  }
  return rows
}

/** The queries findEventsAfter runs in turn (without their LIMIT), also for checking their plans. */
export function eventsAfterQueries(db: Kysely<Database>, dialect: Dialect, filter: EventFilter, after: EventPosition | null): EventQuery[] {
  const steps = after ? stepsAfter(dialect, after) : [{ where: [], orderFrom: 0 }]
  return steps.map((step) => {
    let query = filteredEvents(db, dialect, filter)
    for (const condition of step.where) query = query.where(condition)
    return inGameOrder(query, dialect, step.orderFrom)
  })
}

/** The sort values of a row, for a cursor. */
export function positionOf(row: SequencedEventRow): EventPosition {
  return { period: row.period, clockSeconds: row.clock_seconds, orderNumber: row.order_number, time: row.sequence_time, eventId: row.event_id }
}

function filteredEvents(db: Kysely<Database>, dialect: Dialect, filter: EventFilter): EventQuery {
  let query: EventQuery = db.selectFrom('events').selectAll().select(sequenceTime(dialect).as('sequence_time')).where('game_id', '=', filter.gameId)
  if (filter.team !== undefined) query = query.where(unindexed(dialect, 'team_tricode'), '=', filter.team)
  if (filter.period !== undefined) query = query.where('period', '=', filter.period)
  if (filter.eventType !== undefined) query = query.where(unindexed(dialect, 'event_type'), '=', filter.eventType)
  if (filter.search !== undefined && filter.search !== '') {
    const pattern = containsPattern(filter.search)
    const like = sql.raw(dialect === 'sqlite' ? 'like' : 'ilike')
    query = query.where(({ or }) =>
      or([
        sql<SqlBool>`${sql.ref('player_name')} ${like} ${pattern} escape '!'`,
        sql<SqlBool>`${sql.ref('description')} ${like} ${pattern} escape '!'`,
      ]),
    )
  }
  return query
}

/**
 * A column SQLite must not pick an index for: with statistics it may read the type's or team's index
 * and sort the game; the game-order index with this as a filter is never far off and never sorts.
 */
function unindexed(dialect: Dialect, column: 'team_tricode' | 'event_type'): RawBuilder<string> {
  return dialect === 'sqlite' ? sql<string>`+${sql.ref(column)}` : sql<string>`${sql.ref(column)}`
}

/** LIKE pattern for a substring, with `!` escaping the wildcards (SQLite LIKE folds ASCII case only). */
function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, '!$&')}%`
}

function inGameOrder(query: EventQuery, dialect: Dialect, from: number): EventQuery {
  for (const key of sequenceKeys(dialect).slice(from)) query = query.orderBy(key.row, orderOf(dialect, key))
  return query
}
