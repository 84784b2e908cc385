import type { Kysely } from 'kysely'
import type { Database, GameRow, NewGame, NewTmi, TmiRow } from '../db/schema'

/** Ids per `IN (...)` list and rows per multi-row INSERT: within both dialects' parameter limits. */
const ID_CHUNK = 5_000
const INSERT_CHUNK = 500

export async function findGamesByIds(db: Kysely<Database>, gameIds: readonly string[]): Promise<GameRow[]> {
  const rows: GameRow[] = []
  for (let start = 0; start < gameIds.length; start += ID_CHUNK) {
    rows.push(...(await db.selectFrom('games').selectAll().where('game_id', 'in', gameIds.slice(start, start + ID_CHUNK)).execute()))
  }
  return rows
}

export async function insertGameRows(db: Kysely<Database>, rows: readonly NewGame[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await db.insertInto('games').values(rows.slice(start, start + INSERT_CHUNK)).execute()
  }
}

/** Every TMI row of the given games (the candidates an imported row may already be). */
export async function findTmiRowsOfGames(db: Kysely<Database>, gameIds: readonly string[]): Promise<TmiRow[]> {
  const rows: TmiRow[] = []
  for (let start = 0; start < gameIds.length; start += ID_CHUNK) {
    const chunk = gameIds.slice(start, start + ID_CHUNK)
    rows.push(...(await db.selectFrom('tmi_calculations').selectAll().where('game_id', 'in', chunk).execute()))
  }
  return rows
}

export async function insertTmiRows(db: Kysely<Database>, rows: readonly NewTmi[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await db.insertInto('tmi_calculations').values(rows.slice(start, start + INSERT_CHUNK)).execute()
  }
}
