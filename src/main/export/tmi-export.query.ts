import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Dialect } from '../db/connection'
import type { Database } from '../db/schema'
import { FEATURE_NAMES } from '../tmi/engine'
import { selectGameIdsInOrder, type GameFilter } from './game-order.query'
import type { ExportSource } from './row-stream'
import { chronological, type ColumnSet } from './table-columns'

export interface TmiExportFilter extends GameFilter {
  team: string | null
  algorithm: string | null
}

/** Select-list order; the row mapper reads cells by these positions. */
export const TMI_SELECTED = [
  'game_id', 'game_date', 'home_team', 'away_team', 'team', 'tmi_value', 'prediction_probability',
  'confidence_score', 'rolling_window_size', 'calculated_at', 'period', 'clock', 'elapsed_seconds',
  'possession_number', 'algorithm', 'feature_contributions',
] as const

function filteredTmi(db: Kysely<Database>, columns: ColumnSet, filter: TmiExportFilter) {
  let query = db.selectFrom('tmi_calculations as t').leftJoin('games as g', 'g.game_id', 't.game_id')
  if (filter.gameId !== null) query = query.where('t.game_id', '=', filter.gameId)
  if (filter.team !== null) query = query.where('t.team_tricode', '=', filter.team)
  if (filter.algorithm !== null) {
    query = columns.has('algorithm') ? query.where('t.algorithm', '=', filter.algorithm) : query.where(sql<boolean>`1 = 0`)
  }
  if (filter.from !== null) query = query.where('g.game_date', '>=', filter.from)
  if (filter.end !== null) query = query.where('g.game_date', '<', filter.end)
  return query
}

/** The export's rows, also by game for SQLite (see row-stream.ts). */
export function tmiExportSource(db: Kysely<Database>, dialect: Dialect, columns: ColumnSet, filter: TmiExportFilter): ExportSource {
  return {
    query: selectTmiForExport(db, dialect, columns, filter),
    byGame: {
      gameIds: selectGameIdsInOrder(db, 'tmi_calculations', filter),
      rowsOf: (gameId) => selectTmiForExport(db, dialect, columns, { ...filter, gameId }),
    },
  }
}

/**
 * One row per calculation in a stable order: game date, game, then each algorithm's series
 * (Python rows, with no algorithm, first) in game order: possession, calculated_at, team, id.
 * NULLS FIRST/LAST are spelled out so SQLite and PostgreSQL agree.
 */
export function selectTmiForExport(db: Kysely<Database>, dialect: Dialect, columns: ColumnSet, filter: TmiExportFilter) {
  let query = filteredTmi(db, columns, filter)
    .select(['t.game_id', 'g.game_date', 'g.home_team', 'g.away_team', 't.team_tricode as team'])
    .select([
      columns.selectReal('tmi_value'), columns.selectReal('prediction_probability'), columns.selectReal('confidence_score'),
      't.rolling_window_size', 't.calculated_at', columns.select('period'), columns.select('clock'),
      columns.selectReal('elapsed_seconds'), columns.select('possession_number'), columns.select('algorithm'),
      't.feature_contributions',
    ])
    .orderBy('g.game_date', (ob) => ob.asc().nullsLast())
    .orderBy('t.game_id')
  if (columns.has('algorithm')) query = query.orderBy('t.algorithm', (ob) => ob.asc().nullsFirst())
  if (columns.has('possession_number')) query = query.orderBy('t.possession_number', (ob) => ob.asc().nullsLast())
  return query
    .orderBy(chronological(dialect, 't.calculated_at'), (ob) => ob.asc().nullsLast())
    .orderBy('t.team_tricode')
    .orderBy('t.id')
}

/*
 * Contribution keys beyond the five known features are rare, and the header must come first. So a
 * cheap SQL pass (about one table scan) skips rows in the stored shape, the five keys in order with
 * no other quote anywhere (so no other key), and returns only the other texts, parsed in JS. SQLite
 * uses GLOB (LIKE ignores case and treats `_` as a wildcard); PostgreSQL a regular expression.
 */
export function selectUnusualContributions(db: Kysely<Database>, dialect: Dialect, columns: ColumnSet, filter: TmiExportFilter) {
  const text = sql.ref('t.feature_contributions')
  const usual = dialect === 'sqlite' ? sqliteUsualShape(text) : postgresUsualShape(text)
  return filteredTmi(db, columns, filter)
    .select('t.feature_contributions')
    .where('t.feature_contributions', 'is not', null)
    .where(sql<boolean>`NOT (${usual})`)
}

/** The five keys in stored order, each followed by `: ` and `value`, joined by `, ` (no braces). */
const storedKeys = (quote: string, value: string) => FEATURE_NAMES.map((name) => `${quote}${name}${quote}: ${value}`).join(', ')

function sqliteUsualShape(text: RawBuilder<unknown>) {
  const usual = (quote: string, other: string) =>
    sql`(${text} GLOB ${`{${storedKeys(quote, '*')}}`} AND ${text} NOT GLOB ${`*${quote}`.repeat(11) + '*'} AND ${text} NOT GLOB ${`*${other}*`})`
  return sql`${usual('"', "'")} OR ${usual("'", '"')}`
}

function postgresUsualShape(text: RawBuilder<unknown>) {
  const pattern = (quote: string) => `^\\{${storedKeys(quote, `[^"']*`)}\\}$`
  return sql`${text} ~ ${pattern('"')} OR ${text} ~ ${pattern("'")}`
}
