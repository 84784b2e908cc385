import { sql, type ExpressionBuilder, type Kysely, type OrderByModifiers, type RawBuilder } from 'kysely'
import type { GameSortKey, SortDirection } from '../../shared/domain/games'
import type { Dialect } from '../db/connection'
import type { Database, GameRow } from '../db/schema'
import { timeOf } from '../events/timestamp-sql'
import type { SortValue } from './game-cursor'

export interface GameListOptions {
  sort: GameSortKey
  direction: SortDirection
  /** Rows to read: the page size plus one, to learn whether more follow. */
  fetch: number
  offset: number
  /** Keyset position: rows strictly after this one in the list order. */
  after: { value: SortValue; gameId: string } | null
  /** Just this game (the summary of one game is its list row). */
  gameId?: string
  team?: string
  status?: string
  dateFrom?: string
  dateTo?: string
}

export interface GameListRow extends GameRow {
  sort_value: SortValue
  event_count: number
  home_score: number | null
  away_score: number | null
  latest_tmi_home: number | null
  latest_tmi_away: number | null
}

type GamesEb = ExpressionBuilder<Database, 'games'>

/** created_at is nullable and stored in mixed text forms; the other keys are NOT NULL text. */
function sortExpression(dialect: Dialect, sort: GameSortKey): RawBuilder<SortValue> {
  return sort === 'created_at' ? timeOf(dialect, 'games.created_at') : sql<SortValue>`${sql.ref(`games.${sort}`)}`
}

/** NULLs (created_at only) come last in both directions and on both dialects. */
const orderOf = (direction: SortDirection): OrderByModifiers => (ob) => (direction === 'asc' ? ob.asc() : ob.desc()).nullsLast()

function afterPosition(eb: GamesEb, key: RawBuilder<SortValue>, direction: SortDirection, after: NonNullable<GameListOptions['after']>) {
  const beyond = direction === 'asc' ? '>' : '<'
  if (after.value === null) return eb.and([eb(key, 'is', null), eb('games.game_id', beyond, after.gameId)])
  return eb.or([
    eb(key, beyond, after.value),
    eb.and([eb(key, '=', after.value), eb('games.game_id', beyond, after.gameId)]),
    eb(key, 'is', null),
  ])
}

/**
 * One page of games with their statistics. The inner query picks the page on the games table alone;
 * the per-row figures are correlated subqueries on indexed columns, evaluated for that page only.
 */
export function listGameRows(db: Kysely<Database>, dialect: Dialect, options: GameListOptions): Promise<GameListRow[]> {
  return gameListQuery(db, dialect, options).execute() as Promise<GameListRow[]>
}

/** One game with exactly the fields and statistics of its games-list row; undefined when missing. */
export async function findGameListRow(db: Kysely<Database>, dialect: Dialect, gameId: string): Promise<GameListRow | undefined> {
  const [row] = await listGameRows(db, dialect, { sort: 'game_id', direction: 'asc', fetch: 1, offset: 0, after: null, gameId })
  return row
}

/** The list query itself, for `listGameRows` and for checking its plan. */
export function gameListQuery(db: Kysely<Database>, dialect: Dialect, options: GameListOptions) {
  const key = sortExpression(dialect, options.sort)
  const { after, gameId, team, status, dateFrom, dateTo } = options
  const page = db
    .selectFrom('games')
    .selectAll('games')
    .select(key.as('sort_value'))
    .$if(gameId !== undefined, (q) => q.where('games.game_id', '=', gameId!))
    .$if(team !== undefined, (q) => q.where((eb) => eb.or([eb('games.home_team', '=', team!), eb('games.away_team', '=', team!)])))
    .$if(status !== undefined, (q) => q.where('games.status', '=', status!))
    .$if(dateFrom !== undefined, (q) => q.where('games.game_date', '>=', dateFrom!))
    .$if(dateTo !== undefined, (q) => q.where('games.game_date', '<=', dateTo!))
    .$if(after !== null, (q) => q.where((eb) => afterPosition(eb, key, options.direction, after!)))
    .orderBy(key, orderOf(options.direction))
    .orderBy('games.game_id', options.direction)
    .limit(options.fetch)
    .offset(options.offset)

  return db
    .selectFrom(page.as('g'))
    .selectAll('g')
    .select((eb) => {
      const latestTmi = (teamColumn: 'g.home_team' | 'g.away_team') =>
        eb
          .selectFrom('tmi_calculations as t')
          .select('t.tmi_value')
          .whereRef('t.game_id', '=', 'g.game_id')
          .whereRef('t.team_tricode', '=', teamColumn)
          .orderBy(timeOf(dialect, 't.calculated_at'), (ob) => ob.desc().nullsLast())
          .orderBy('t.id', 'desc')
          .limit(1)
      const score = (teamColumn: 'g.home_team' | 'g.away_team') =>
        eb
          .selectFrom('events as e')
          .select((sub) => sub.fn.max('e.points_total').as('score'))
          .whereRef('e.game_id', '=', 'g.game_id')
          .whereRef('e.team_tricode', '=', teamColumn)
      return [
        eb
          .selectFrom('events as e')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('e.game_id', '=', 'g.game_id')
          .as('event_count'),
        score('g.home_team').as('home_score'),
        score('g.away_team').as('away_score'),
        latestTmi('g.home_team').as('latest_tmi_home'),
        latestTmi('g.away_team').as('latest_tmi_away'),
      ]
    })
    .orderBy('g.sort_value', orderOf(options.direction))
    .orderBy('g.game_id', options.direction)
}
