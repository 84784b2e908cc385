import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface GameFilter {
  gameId: string | null
  /** game_date >= from */
  from: string | null
  /** game_date < end (the day after the inclusive `to`) */
  end: string | null
}

/**
 * The game ids an export by game visits, in export order (game date, then id): the filtered games,
 * then, without a date bound, the ids of `table` rows whose game is missing (SQLite enforces no
 * foreign key unless asked), which sort last as their date is NULL.
 */
export function selectGameIdsInOrder(db: Kysely<Database>, table: 'tmi_calculations' | 'events', filter: GameFilter) {
  let games = db.selectFrom('games as g').select((eb) => ['g.game_id as id', eb.ref('g.game_date').$castTo<string | null>().as('day')])
  if (filter.gameId !== null) games = games.where('g.game_id', '=', filter.gameId)
  if (filter.from !== null) games = games.where('g.game_date', '>=', filter.from)
  if (filter.end !== null) games = games.where('g.game_date', '<', filter.end)
  if (filter.from !== null || filter.end !== null) return games.orderBy('day').orderBy('id')
  let orphans = db
    .selectFrom((eb) => eb.selectFrom(table).select('game_id').distinct().as('r'))
    .select(['r.game_id as id', sql<string | null>`NULL`.as('day')])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('games as g').select('g.game_id').whereRef('g.game_id', '=', 'r.game_id'))))
  if (filter.gameId !== null) orphans = orphans.where('r.game_id', '=', filter.gameId)
  return games.unionAll(orphans).orderBy('day', (ob) => ob.asc().nullsLast()).orderBy('id')
}
