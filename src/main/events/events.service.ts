import type { Kysely } from 'kysely'
import type { EventPage, EventPageQuery, GameEvent, NewGameEvent, StoreEventsResult } from '../../shared/domain/events'
import { inWriteTransaction, toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import type { Database, EventRow, NewEvent } from '../db/schema'
import { formatTimestamp, toIsoTimestamp } from '../db/timestamps'
import { AppFailure } from '../errors/app-failure'
import { findExistingGameIds } from '../games/games.repository'
import { parseClockSeconds } from '../../shared/domain/game-clock'
import { isSameInstant, toStoredTimestamp } from './event-timestamp'
import { decodeEventCursor, encodeEventCursor } from './event-cursor'
import { findEventsAfter, findEventsByIds, findEventsInGameOrder, insertNewEvents, LOOKUP_CHUNK, positionOf, updateEvent, type EventFilter } from './events.repository'

const DEFAULT_PAGE = 500
const MAX_PAGE = 5_000
/** Events converted and inserted at a time inside the one transaction. */
const STORE_CHUNK = 10_000

async function read<T>(handle: DatabaseHandle, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await work(handle.db)
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}

/**
 * Stores a batch in one write transaction, idempotent on event_id: new events are inserted, known
 * ones with changed content are updated, and a repeated id inside the batch keeps its last version.
 * An event of an unknown game rejects the whole batch (NotFound); so does an id that already
 * belongs to another game (Conflict), since overwriting it would move an event between games.
 */
export async function storeEvents(handle: DatabaseHandle, events: readonly NewGameEvent[]): Promise<StoreEventsResult> {
  if (events.length === 0) return { stored: 0, unchanged: 0, updated: 0 }
  return inWriteTransaction(handle, (trx) => storeEventsIn(trx, handle.sqlite, events))
}

/**
 * storeEvents inside a write transaction the caller holds (an import stores its game row and its
 * events atomically). `sqlite` is the handle's connection, for the prepared-statement insert path.
 */
export async function storeEventsIn(trx: Kysely<Database>, sqlite: DatabaseHandle['sqlite'], events: readonly NewGameEvent[]): Promise<StoreEventsResult> {
  // Where each id occurs last: only that occurrence is stored. Rows are built chunk by chunk so that
  // a million-event batch never holds a second million objects.
  const last = new Map<string, number>()
  for (const [index, event] of events.entries()) {
    if (typeof event.eventId !== 'string' || event.eventId === '') throw new AppFailure('InvalidInput', 'an event needs an event id')
    last.set(event.eventId, index)
  }
  const result: StoreEventsResult = { stored: 0, unchanged: 0, updated: 0 }
  if (events.length === 0) return result
  const now = formatTimestamp(new Date())
  await requireGames(trx, events)
  for (let start = 0; start < events.length; start += STORE_CHUNK) {
    const batch: Array<{ event: NewGameEvent; row: NewEvent }> = []
    for (let index = start; index < Math.min(start + STORE_CHUNK, events.length); index++) {
      const event = events[index]!
      if (last.get(event.eventId) === index) batch.push({ event, row: toEventRow(event, now) })
    }
    const known = new Set((await insertNewEvents(trx, batch.map((b) => b.row), sqlite)).map((row) => row.event_id))
    result.stored += batch.length - known.size
    if (known.size > 0) await reconcileKnown(trx, batch.filter((b) => known.has(b.row.event_id)), result)
  }
  return result
}

/** Known events: the same content counts as unchanged, other content is written over the stored row. */
async function reconcileKnown(db: Kysely<Database>, known: Array<{ event: NewGameEvent; row: NewEvent }>, result: StoreEventsResult): Promise<void> {
  for (let start = 0; start < known.length; start += LOOKUP_CHUNK) {
    const chunk = known.slice(start, start + LOOKUP_CHUNK)
    const stored = new Map((await findEventsByIds(db, chunk.map(({ row }) => row.event_id))).map((row) => [row.event_id, row]))
    for (const { event, row } of chunk) {
      const old = stored.get(row.event_id)!
      if (old.game_id !== row.game_id) {
        throw new AppFailure('Conflict', `event ${row.event_id} already belongs to game ${old.game_id}, not ${row.game_id}`)
      }
      // No time given, or the same instant in another form: keep the stored text (and its microseconds).
      const keepTime = event.timestamp == null || isSameInstant(old.timestamp, row.timestamp ?? null)
      const next = keepTime ? { ...row, timestamp: old.timestamp } : row
      if (hasSameContent(old, next)) {
        result.unchanged++
      } else {
        await updateEvent(db, next)
        result.updated++
      }
    }
  }
}

/**
 * One page of a game's events in game order, filtered by team, period, event type and a search of
 * player names and descriptions. Pages by `cursor` (keyset: pass back `nextCursor`), or by `offset`
 * for callers that count rows; giving neither starts at the first event.
 */
export async function getGameEvents(handle: DatabaseHandle, query: EventPageQuery): Promise<EventPage> {
  const limit = query.limit ?? DEFAULT_PAGE
  if (!Number.isInteger(limit) || limit < 1) throw new AppFailure('InvalidInput', `limit must be a positive integer, not ${limit}`)
  const { offset, cursor } = query
  if (offset !== undefined && (!Number.isInteger(offset) || offset < 0)) throw new AppFailure('InvalidInput', `offset must be an integer ≥ 0, not ${offset}`)
  if (offset !== undefined && cursor !== undefined) throw new AppFailure('InvalidInput', 'give either cursor or offset, not both')
  const after = cursor !== undefined ? decodeEventCursor(cursor, query.gameId, handle.dialect) : null
  const pageSize = Math.min(limit, MAX_PAGE)
  const filter = toEventFilter(query)
  const rows = await read(handle, (db) =>
    offset !== undefined
      ? findEventsInGameOrder(db, handle.dialect, filter, { limit: pageSize + 1, offset })
      : findEventsAfter(db, handle.dialect, filter, after, pageSize + 1),
  )
  const hasMore = rows.length > pageSize
  const page = rows.slice(0, pageSize)
  const last = page.at(-1)
  return { events: page.map(toGameEvent), hasMore, nextCursor: hasMore && last ? encodeEventCursor(query.gameId, positionOf(last)) : null }
}

function toEventFilter(query: EventPageQuery): EventFilter {
  const search = query.search?.trim()
  return {
    gameId: query.gameId,
    ...(query.team !== undefined && { team: query.team }),
    ...(query.period !== undefined && { period: query.period }),
    ...(query.eventType !== undefined && { eventType: query.eventType }),
    ...(search && { search }),
  }
}

export async function getEventsByTeam(handle: DatabaseHandle, gameId: string, team: string): Promise<GameEvent[]> {
  return (await read(handle, (db) => findEventsInGameOrder(db, handle.dialect, { gameId, team }))).map(toGameEvent)
}

export async function getEventsByPeriod(handle: DatabaseHandle, gameId: string, period: number): Promise<GameEvent[]> {
  return (await read(handle, (db) => findEventsInGameOrder(db, handle.dialect, { gameId, period }))).map(toGameEvent)
}

async function requireGames(db: Kysely<Database>, events: readonly NewGameEvent[]): Promise<void> {
  const gameIds = new Set(events.map((event) => event.gameId))
  const existing = await findExistingGameIds(db, [...gameIds])
  if (existing.size === gameIds.size) return
  const orphan = events.find((event) => !existing.has(event.gameId))
  if (orphan) throw new AppFailure('NotFound', `event ${orphan.eventId}: game ${orphan.gameId} not found (nothing of this batch was stored)`)
}

function toEventRow(event: NewGameEvent, now: string): NewEvent {
  if (!Number.isInteger(event.period)) throw new AppFailure('InvalidInput', `event ${event.eventId}: period must be an integer, not ${event.period}`)
  const timestamp = event.timestamp == null ? now : toStoredTimestamp(event.timestamp)
  if (timestamp === null) throw new AppFailure('InvalidInput', `event ${event.eventId}: "${event.timestamp}" is not a timestamp`)
  return {
    event_id: event.eventId,
    game_id: event.gameId,
    team_tricode: event.teamTricode,
    player_name: event.playerName ?? null,
    event_type: event.eventType,
    clock: event.clock,
    period: event.period,
    points_total: event.pointsTotal ?? 0,
    shot_result: event.shotResult ?? null,
    description: event.description ?? null,
    timestamp,
    order_number: event.orderNumber ?? null,
    clock_seconds: parseClockSeconds(event.clock),
  }
}

function hasSameContent(old: EventRow, next: NewEvent): boolean {
  return (
    old.team_tricode === next.team_tricode &&
    old.player_name === next.player_name &&
    old.event_type === next.event_type &&
    old.clock === next.clock &&
    old.period === next.period &&
    old.points_total === next.points_total &&
    old.shot_result === next.shot_result &&
    old.description === next.description &&
    old.order_number === next.order_number &&
    old.clock_seconds === next.clock_seconds &&
    old.timestamp === next.timestamp
  )
}

export function toGameEvent(row: EventRow): GameEvent {
  return {
    eventId: row.event_id,
    gameId: row.game_id,
    teamTricode: row.team_tricode,
    playerName: row.player_name,
    eventType: row.event_type,
    clock: row.clock,
    period: row.period,
    pointsTotal: row.points_total,
    shotResult: row.shot_result,
    description: row.description,
    timestamp: toIsoTimestamp(row.timestamp),
    orderNumber: row.order_number,
    clockSeconds: row.clock_seconds,
  }
}
