import type { Writable } from 'node:stream'
import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import { AppFailure } from '../errors/app-failure'
import { toStoredTimestampCell } from './csv-cells'
import { writeCsv } from './csv-export'
import { eventsExportSource } from './events-export.query'
import { resolveDateRange, type CsvWriteOptions, type ExportResult, type GameDateRange } from './export-options'
import { readColumnSet, type ColumnSet } from './table-columns'

export interface EventsExportOptions extends CsvWriteOptions, GameDateRange {
  /** One game, or every game (in game-date order) when omitted. */
  gameId?: string
  team?: string
  eventType?: string
  period?: number
}

export const EVENT_COLUMNS = [
  'event_id', 'game_id', 'game_date', 'team', 'player_name', 'event_type', 'clock', 'period', 'points_total',
  'shot_result', 'description', 'timestamp', 'order_number', 'clock_seconds',
] as const
const NUMERIC = new Set<string>(['period', 'points_total', 'order_number', 'clock_seconds'])
const TIMESTAMP_AT = EVENT_COLUMNS.indexOf('timestamp')

/** Writes play-by-play events as CSV to `out` (not ended), in game order (see events-export.query.ts). */
export async function exportEvents(handle: DatabaseHandle, options: EventsExportOptions, out: Writable): Promise<ExportResult> {
  if (options.period !== undefined && !Number.isInteger(options.period)) {
    throw new AppFailure('InvalidInput', `period must be an integer, got ${options.period}`)
  }
  const { from, end } = resolveDateRange(options)
  let columns: ColumnSet
  try {
    columns = await readColumnSet(handle, 'events', 'e')
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
  const filter = {
    gameId: options.gameId ?? null, team: options.team ?? null, eventType: options.eventType ?? null, period: options.period ?? null, from, end,
  }
  return writeCsv(
    handle,
    {
      columns: [...EVENT_COLUMNS],
      numeric: EVENT_COLUMNS.map((name) => NUMERIC.has(name)),
      source: eventsExportSource(handle.db, handle.dialect, columns, filter),
      toCells: (row) => {
        row[TIMESTAMP_AT] = toStoredTimestampCell(row[TIMESTAMP_AT])
        return row
      },
    },
    options,
    out,
  )
}
