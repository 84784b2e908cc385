import type { Kysely } from 'kysely'
import type { Dialect } from '../db/connection'
import type { Database } from '../db/schema'
import { selectGameIdsInOrder, type GameFilter } from './game-order.query'
import type { ExportSource } from './row-stream'
import { chronological, type ColumnSet } from './table-columns'

export interface EventsExportFilter extends GameFilter {
  team: string | null
  eventType: string | null
  period: number | null
}

/** The export's rows, also by game for SQLite (see row-stream.ts). */
export function eventsExportSource(db: Kysely<Database>, dialect: Dialect, columns: ColumnSet, filter: EventsExportFilter): ExportSource {
  return {
    query: selectEventsForExport(db, dialect, columns, filter),
    byGame: {
      gameIds: selectGameIdsInOrder(db, 'events', filter),
      rowsOf: (gameId) => selectEventsForExport(db, dialect, columns, { ...filter, gameId }),
    },
  }
}

/**
 * Game order: game date, game, period, clock counting down (unknown clocks last), order number,
 * timestamp (chronologically), event id. Columns follow EVENT_COLUMNS.
 */
function selectEventsForExport(db: Kysely<Database>, dialect: Dialect, columns: ColumnSet, filter: EventsExportFilter) {
  let query = db
    .selectFrom('events as e')
    .leftJoin('games as g', 'g.game_id', 'e.game_id')
    .select(['e.event_id', 'e.game_id', 'g.game_date', 'e.team_tricode as team', 'e.player_name', 'e.event_type', 'e.clock', 'e.period', 'e.points_total', 'e.shot_result'])
    .select([columns.select('description'), 'e.timestamp', columns.select('order_number'), columns.selectReal('clock_seconds')])
  if (filter.gameId !== null) query = query.where('e.game_id', '=', filter.gameId)
  if (filter.team !== null) query = query.where('e.team_tricode', '=', filter.team)
  if (filter.eventType !== null) query = query.where('e.event_type', '=', filter.eventType)
  if (filter.period !== null) query = query.where('e.period', '=', filter.period)
  if (filter.from !== null) query = query.where('g.game_date', '>=', filter.from)
  if (filter.end !== null) query = query.where('g.game_date', '<', filter.end)
  query = query.orderBy('g.game_date', (ob) => ob.asc().nullsLast()).orderBy('e.game_id').orderBy('e.period')
  if (columns.has('clock_seconds')) query = query.orderBy('e.clock_seconds', (ob) => ob.desc().nullsLast())
  if (columns.has('order_number')) query = query.orderBy('e.order_number', (ob) => ob.asc().nullsLast())
  return query.orderBy(chronological(dialect, 'e.timestamp'), (ob) => ob.asc().nullsLast()).orderBy('e.event_id')
}
