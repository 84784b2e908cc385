import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** Whether the game has rows written by `algorithm` (rows of the Python app have no algorithm). */
export async function hasTmiForAlgorithm(db: Kysely<Database>, gameId: string, algorithm: string): Promise<boolean> {
  const row = await db
    .selectFrom('tmi_calculations')
    .select('id')
    .where('game_id', '=', gameId)
    .where('algorithm', '=', algorithm)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Deletes the game's rows written by `algorithm`; returns how many it deleted. */
export async function deleteTmiForAlgorithm(db: Kysely<Database>, gameId: string, algorithm: string): Promise<number> {
  const result = await db.deleteFrom('tmi_calculations').where('game_id', '=', gameId).where('algorithm', '=', algorithm).executeTakeFirst()
  return Number(result.numDeletedRows)
}
