import type { Writable } from 'node:stream'
import type { DatabaseHandle } from '../db/connection'
import { toStoredTimestampCell } from './csv-cells'
import { writeCsv } from './csv-export'
import { resolveDateRange, type CsvWriteOptions, type ExportResult, type GameDateRange } from './export-options'

export interface GamesExportOptions extends CsvWriteOptions, GameDateRange {
  gameId?: string
  /** Home or away team. */
  team?: string
  status?: string
}

export const GAME_COLUMNS = ['game_id', 'home_team', 'away_team', 'game_date', 'status', 'created_at', 'event_count', 'tmi_count'] as const
const GAME_NUMERIC = GAME_COLUMNS.map((name) => name === 'event_count' || name === 'tmi_count')

const CREATED_AT = GAME_COLUMNS.indexOf('created_at')

/** Writes games with their event and TMI row counts as CSV to `out` (not ended), by game date then id. */
export async function exportGames(handle: DatabaseHandle, options: GamesExportOptions, out: Writable): Promise<ExportResult> {
  const { from, end } = resolveDateRange(options)
  const { gameId, team, status } = options
  let query = handle.db
    .selectFrom('games as g')
    .select((eb) => [
      'g.game_id', 'g.home_team', 'g.away_team', 'g.game_date', 'g.status', 'g.created_at',
      eb.selectFrom('events as e').select((c) => c.fn.countAll<number>().as('n')).whereRef('e.game_id', '=', 'g.game_id').as('event_count'),
      eb.selectFrom('tmi_calculations as t').select((c) => c.fn.countAll<number>().as('n')).whereRef('t.game_id', '=', 'g.game_id').as('tmi_count'),
    ])
  if (gameId !== undefined) query = query.where('g.game_id', '=', gameId)
  if (team !== undefined) query = query.where((eb) => eb.or([eb('g.home_team', '=', team), eb('g.away_team', '=', team)]))
  if (status !== undefined) query = query.where('g.status', '=', status)
  if (from !== null) query = query.where('g.game_date', '>=', from)
  if (end !== null) query = query.where('g.game_date', '<', end)
  query = query.orderBy('g.game_date').orderBy('g.game_id')
  return writeCsv(
    handle,
    {
      columns: [...GAME_COLUMNS],
      numeric: GAME_NUMERIC,
      source: { query },
      toCells: (row) => {
        row[CREATED_AT] = toStoredTimestampCell(row[CREATED_AT])
        return row
      },
    },
    options,
    out,
  )
}
