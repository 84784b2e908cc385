import type { Kysely } from 'kysely'
import type { GameInfo, GameListQuery, GamePage, GameSortKey, GameSummary } from '../../shared/domain/games'
import { inWriteTransaction, toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import type { Database, GameRow } from '../db/schema'
import { formatTimestamp, toIsoTimestamp } from '../db/timestamps'
import { AppFailure } from '../errors/app-failure'
import { decodeCursor, encodeCursor } from './game-cursor'
import { findGameListRow, listGameRows, type GameListRow } from './game-list.repository'
import { deleteGameCascade, findActiveGames, findGameById, insertGame, updateGame } from './games.repository'

const SORT_KEYS: readonly GameSortKey[] = ['game_date', 'game_id', 'status', 'home_team', 'away_team', 'created_at']
const DEFAULT_LIMIT = 50
const MAX_LIMIT = 500

async function read<T>(handle: DatabaseHandle, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await work(handle.db)
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
}

/** Creates the game, or brings teams, date and status up to date (the original updated status only). */
export async function createOrUpdateGame(handle: DatabaseHandle, info: GameInfo): Promise<'created' | 'updated' | 'unchanged'> {
  if (!info.gameId) throw new AppFailure('InvalidInput', 'a game needs a game id')
  return inWriteTransaction(handle, (trx) => createOrUpdateGameIn(trx, info))
}

/** createOrUpdateGame inside a write transaction the caller holds. */
export async function createOrUpdateGameIn(trx: Kysely<Database>, info: GameInfo): Promise<'created' | 'updated' | 'unchanged'> {
  if (!info.gameId) throw new AppFailure('InvalidInput', 'a game needs a game id')
  const row = await findGameById(trx, info.gameId)
  const fields = { home_team: info.homeTeam, away_team: info.awayTeam, game_date: info.gameDate, status: info.status }
  if (!row) {
    await insertGame(trx, { game_id: info.gameId, ...fields, created_at: formatTimestamp(new Date()) })
    return 'created'
  }
  const same = row.home_team === info.homeTeam && row.away_team === info.awayTeam && row.game_date === info.gameDate && row.status === info.status
  if (same) return 'unchanged'
  await updateGame(trx, info.gameId, fields)
  return 'updated'
}

export async function getGame(handle: DatabaseHandle, gameId: string): Promise<GameInfo & { createdAt: string | null }> {
  const row = await read(handle, (db) => findGameById(db, gameId))
  if (!row) throw new AppFailure('NotFound', `game ${gameId} not found`)
  return { gameId: row.game_id, homeTeam: row.home_team, awayTeam: row.away_team, gameDate: row.game_date, status: row.status, createdAt: toIsoTimestamp(row.created_at) }
}

/** One game with the statistics of its games-list row (event count, scores, latest TMI). */
export async function getGameSummary(handle: DatabaseHandle, gameId: string): Promise<GameSummary> {
  const row = await read(handle, (db) => findGameListRow(db, handle.dialect, gameId))
  if (!row) throw new AppFailure('NotFound', `game ${gameId} not found`)
  return toGameSummary(row)
}

/** Games whose status is exactly `Live` or `In Progress`, by date then id. */
export async function getActiveGames(handle: DatabaseHandle): Promise<GameInfo[]> {
  return (await read(handle, findActiveGames)).map(toGameInfo)
}

/** One page of games (keyset with `cursor`, else offset), without counting the whole table. */
export async function listGames(handle: DatabaseHandle, query: GameListQuery = {}): Promise<GamePage> {
  const sort = query.sort ?? 'game_date'
  const direction = query.direction ?? 'desc'
  if (!SORT_KEYS.includes(sort)) throw new AppFailure('InvalidInput', `cannot sort games by "${sort}" (use ${SORT_KEYS.join(', ')})`)
  if (direction !== 'asc' && direction !== 'desc') throw new AppFailure('InvalidInput', `sort direction must be asc or desc, not "${direction}"`)
  const limit = pageLimit(query.limit)
  const cursor = query.cursor ? decodeCursor(query.cursor, sort, direction) : null
  const offset = cursor ? 0 : nonNegativeInteger(query.offset ?? 0, 'offset')
  const rows = await read(handle, (db) =>
    listGameRows(db, handle.dialect, {
      sort,
      direction,
      fetch: limit + 1,
      offset,
      after: cursor ? { value: cursor.value, gameId: cursor.gameId } : null,
      ...(query.team !== undefined ? { team: query.team } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.dateFrom !== undefined ? { dateFrom: query.dateFrom } : {}),
      ...(query.dateTo !== undefined ? { dateTo: query.dateTo } : {}),
    }),
  )
  const hasMore = rows.length > limit
  const pageRows = rows.slice(0, limit)
  const last = pageRows.at(-1)
  const nextCursor = hasMore && last ? encodeCursor({ sort, direction, value: last.sort_value, gameId: last.game_id }) : null
  return { games: pageRows.map(toGameSummary), nextCursor, hasMore }
}

/** Deletes a game with its events and TMI rows in one write transaction. */
export async function deleteGame(handle: DatabaseHandle, gameId: string): Promise<{ eventsDeleted: number; tmiDeleted: number }> {
  return inWriteTransaction(handle, async (trx) => {
    if (!(await findGameById(trx, gameId))) throw new AppFailure('NotFound', `game ${gameId} not found`)
    const deleted = await deleteGameCascade(trx, gameId)
    return { eventsDeleted: deleted.events, tmiDeleted: deleted.tmi }
  })
}

export function toGameInfo(row: GameRow): GameInfo {
  return { gameId: row.game_id, homeTeam: row.home_team, awayTeam: row.away_team, gameDate: row.game_date, status: row.status }
}

// Literal objects, no spread: spreading into a literal that then grows is ~50× slower per row in V8.
function toGameSummary(row: GameListRow): GameSummary {
  return {
    gameId: row.game_id,
    homeTeam: row.home_team,
    awayTeam: row.away_team,
    gameDate: row.game_date,
    status: row.status,
    createdAt: toIsoTimestamp(row.created_at),
    eventCount: Number(row.event_count),
    homeScore: row.home_score,
    awayScore: row.away_score,
    latestTmiHome: row.latest_tmi_home,
    latestTmiAway: row.latest_tmi_away,
  }
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT
  if (!Number.isInteger(limit) || limit < 1) throw new AppFailure('InvalidInput', `limit must be a positive integer, not ${limit}`)
  return Math.min(limit, MAX_LIMIT)
}

function nonNegativeInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw new AppFailure('InvalidInput', `${name} must be an integer ≥ 0, not ${value}`)
  return value
}
