import type { Kysely } from 'kysely'
import type { Database, GameRow, GameUpdate, NewGame } from '../db/schema'

/** Statuses the original app treats as active (case-sensitive). */
export const ACTIVE_STATUSES = ['Live', 'In Progress'] as const

/** Ids per `IN (...)` list: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const ID_CHUNK = 5_000

export function findGameById(db: Kysely<Database>, gameId: string): Promise<GameRow | undefined> {
  return db.selectFrom('games').selectAll().where('game_id', '=', gameId).executeTakeFirst()
}

export async function insertGame(db: Kysely<Database>, row: NewGame): Promise<void> {
  await db.insertInto('games').values(row).execute()
}

export async function updateGame(db: Kysely<Database>, gameId: string, changes: GameUpdate): Promise<void> {
  await db.updateTable('games').set(changes).where('game_id', '=', gameId).execute()
}

export function findActiveGames(db: Kysely<Database>): Promise<GameRow[]> {
  return db
    .selectFrom('games')
    .selectAll()
    .where('status', 'in', [...ACTIVE_STATUSES])
    .orderBy('game_date')
    .orderBy('game_id')
    .execute()
}

/** The subset of `gameIds` that exist. */
export async function findExistingGameIds(db: Kysely<Database>, gameIds: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let start = 0; start < gameIds.length; start += ID_CHUNK) {
    const chunk = gameIds.slice(start, start + ID_CHUNK)
    const rows = await db.selectFrom('games').select('game_id').where('game_id', 'in', chunk).execute()
    for (const row of rows) found.add(row.game_id)
  }
  return found
}

/** Deletes the game with its events and TMI rows (the FKs have no ON DELETE); call inside a transaction. */
export async function deleteGameCascade(
  db: Kysely<Database>,
  gameId: string,
): Promise<{ events: number; tmi: number; games: number }> {
  const events = await db.deleteFrom('events').where('game_id', '=', gameId).executeTakeFirst()
  const tmi = await db.deleteFrom('tmi_calculations').where('game_id', '=', gameId).executeTakeFirst()
  const games = await db.deleteFrom('games').where('game_id', '=', gameId).executeTakeFirst()
  return { events: Number(events.numDeletedRows), tmi: Number(tmi.numDeletedRows), games: Number(games.numDeletedRows) }
}
