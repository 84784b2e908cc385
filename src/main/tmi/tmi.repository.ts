import type { Kysely, OrderByModifiers, SelectQueryBuilder } from 'kysely'
import type { Dialect } from '../db/connection'
import type { Database, NewTmi, TmiRow } from '../db/schema'
import { timeOf, timeValue } from '../events/timestamp-sql'

/** Rows per multi-row INSERT: 15 parameters each, far below both dialects' limits. */
const INSERT_ROWS = 1_000

export interface TmiFilter {
  gameId: string
  team?: string
  algorithm?: string
  /** Inclusive bounds on calculated_at, as accepted timestamp text. */
  from?: string
  to?: string
}

export interface TmiGroupCount {
  game_id: string
  team_tricode: string
  total: number
}

/** Newest first: calculated_at (as time, not text), then id; rows without a time are oldest. */
const NEWEST_FIRST: OrderByModifiers = (ob) => ob.desc().nullsLast()
const OLDEST_FIRST: OrderByModifiers = (ob) => ob.asc().nullsFirst()

/** Inserts in the given order (ascending ids) and returns the stored rows. */
export async function insertTmiRows(db: Kysely<Database>, rows: readonly NewTmi[]): Promise<TmiRow[]> {
  const stored: TmiRow[] = []
  for (let start = 0; start < rows.length; start += INSERT_ROWS) {
    const chunk = await db.insertInto('tmi_calculations').values(rows.slice(start, start + INSERT_ROWS)).returningAll().execute()
    stored.push(...chunk.sort((a, b) => a.id - b.id))
  }
  return stored
}

export function findLatestTmi(db: Kysely<Database>, dialect: Dialect, filter: Pick<TmiFilter, 'gameId' | 'team' | 'algorithm'>): Promise<TmiRow | undefined> {
  return filtered(db, dialect, filter)
    .orderBy(timeOf(dialect, 'calculated_at'), NEWEST_FIRST)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export function findTmiHistory(db: Kysely<Database>, dialect: Dialect, filter: TmiFilter, order: 'asc' | 'desc', limit: number): Promise<TmiRow[]> {
  return filtered(db, dialect, filter)
    .orderBy(timeOf(dialect, 'calculated_at'), order === 'asc' ? OLDEST_FIRST : NEWEST_FIRST)
    .orderBy('id', order)
    .limit(limit)
    .execute()
}

/** Rows per (game, team), for one game or all. */
export function countTmiGroups(db: Kysely<Database>, gameId?: string): Promise<TmiGroupCount[]> {
  return db
    .selectFrom('tmi_calculations')
    .select(['game_id', 'team_tricode'])
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .$if(gameId !== undefined, (q) => q.where('game_id', '=', gameId!))
    .groupBy(['game_id', 'team_tricode'])
    .orderBy('game_id')
    .orderBy('team_tricode')
    .execute()
}

/** Deletes all but the `keep` newest rows of each (game, team); returns how many it deleted. */
export async function deleteTmiBeyond(db: Kysely<Database>, dialect: Dialect, keep: number, gameId?: string): Promise<number> {
  const ranked = db
    .selectFrom('tmi_calculations')
    .select('id')
    .select((eb) =>
      eb.fn
        .agg<number>('row_number')
        .over((over) => over.partitionBy(['game_id', 'team_tricode']).orderBy(timeOf(dialect, 'calculated_at'), NEWEST_FIRST).orderBy('id', 'desc'))
        .as('position'),
    )
    .$if(gameId !== undefined, (q) => q.where('game_id', '=', gameId!))
  const result = await db
    .deleteFrom('tmi_calculations')
    .where('id', 'in', db.selectFrom(ranked.as('ranked')).select('ranked.id').where('ranked.position', '>', keep))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

function filtered(db: Kysely<Database>, dialect: Dialect, filter: TmiFilter): SelectQueryBuilder<Database, 'tmi_calculations', TmiRow> {
  let query = db.selectFrom('tmi_calculations').selectAll().where('game_id', '=', filter.gameId)
  if (filter.team !== undefined) query = query.where('team_tricode', '=', filter.team)
  if (filter.algorithm !== undefined) query = query.where('algorithm', '=', filter.algorithm)
  if (filter.from !== undefined) query = query.where(timeOf(dialect, 'calculated_at'), '>=', timeValue(dialect, filter.from))
  if (filter.to !== undefined) query = query.where(timeOf(dialect, 'calculated_at'), '<=', timeValue(dialect, filter.to))
  return query
}
