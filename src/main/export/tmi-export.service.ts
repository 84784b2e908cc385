import type { Writable } from 'node:stream'
import { toDatabaseFailure, type DatabaseHandle } from '../db/connection'
import { AppFailure } from '../errors/app-failure'
import { FEATURE_NAMES, parseContributions } from '../tmi/engine'
import { toStoredTimestampCell } from './csv-cells'
import { writeCsv, type CsvTable } from './csv-export'
import { resolveDateRange, type CsvWriteOptions, type ExportResult, type GameDateRange } from './export-options'
import { createTurnYielder } from './event-loop-turns'
import { forEachRow, type RawRow } from './row-stream'
import { readColumnSet, type ColumnSet } from './table-columns'
import { contributionCell, contributionsJsonCell, matchStoredContributions, readContributions } from './tmi-contributions'
import { selectUnusualContributions, tmiExportSource, TMI_SELECTED, type TmiExportFilter } from './tmi-export.query'

export type ContributionsMode = 'columns' | 'json'

export interface TmiExportOptions extends CsvWriteOptions, GameDateRange {
  gameId?: string
  team?: string
  algorithm?: string
  /** `columns` (default): one `contribution_<key>` column per key; `json`: the `feature_contributions` text. */
  contributions?: ContributionsMode
}

const CONTRIBUTIONS_AT = TMI_SELECTED.indexOf('feature_contributions')
const CALCULATED_AT = TMI_SELECTED.indexOf('calculated_at')

/**
 * Writes TMI history as CSV to `out` (not ended): one row per calculation, the original columns
 * first, then ours, then the contributions. See tmi-export.query.ts for the row order.
 */
export async function exportTmi(handle: DatabaseHandle, options: TmiExportOptions, out: Writable): Promise<ExportResult> {
  const mode = options.contributions ?? 'columns'
  if (mode !== 'columns' && mode !== 'json') throw new AppFailure('InvalidInput', `contributions must be columns or json, got ${String(mode)}`)
  const { from, end } = resolveDateRange(options)
  const filter: TmiExportFilter = { gameId: options.gameId ?? null, team: options.team ?? null, algorithm: options.algorithm ?? null, from, end }
  let table: CsvTable
  try {
    const columns = await readColumnSet(handle, 'tmi_calculations', 't')
    table = mode === 'json' ? jsonTable(handle, columns, filter) : await columnsTable(handle, columns, filter)
  } catch (error) {
    throw toDatabaseFailure(handle, error)
  }
  return writeCsv(handle, table, options, out)
}

const BASE_COLUMNS = TMI_SELECTED.slice(0, CONTRIBUTIONS_AT)
const NUMERIC = new Set(['tmi_value', 'prediction_probability', 'confidence_score', 'rolling_window_size', 'period', 'elapsed_seconds', 'possession_number'])
const BASE_NUMERIC = BASE_COLUMNS.map((name) => NUMERIC.has(name))

function jsonTable(handle: DatabaseHandle, columns: ColumnSet, filter: TmiExportFilter): CsvTable {
  return {
    columns: [...TMI_SELECTED],
    numeric: [...BASE_NUMERIC, false],
    source: tmiExportSource(handle.db, handle.dialect, columns, filter),
    toCells: (row) => {
      row[CALCULATED_AT] = toStoredTimestampCell(row[CALCULATED_AT])
      row[CONTRIBUTIONS_AT] = contributionsJsonCell(row[CONTRIBUTIONS_AT])
      return row
    },
  }
}

async function columnsTable(handle: DatabaseHandle, columns: ColumnSet, filter: TmiExportFilter): Promise<CsvTable> {
  const keys = [...FEATURE_NAMES, ...(await findOtherContributionKeys(handle, columns, filter))]
  return {
    columns: [...BASE_COLUMNS, ...keys.map((key) => `contribution_${key}`)],
    numeric: [...BASE_NUMERIC, ...keys.map(() => true)],
    source: tmiExportSource(handle.db, handle.dialect, columns, filter),
    toCells: (row: RawRow) => {
      const text = row[CONTRIBUTIONS_AT]
      row.length = CONTRIBUTIONS_AT
      row[CALCULATED_AT] = toStoredTimestampCell(row[CALCULATED_AT])
      const stored = matchStoredContributions(text)
      if (stored !== null) {
        row.push(...stored)
        for (let index = stored.length; index < keys.length; index += 1) row.push(null)
      } else {
        const contributions = readContributions(text)
        for (const key of keys) row.push(contributionCell(contributions, key))
      }
      return row
    },
  }
}

/** Keys outside the known five, sorted, from the rows the SQL pre-pass flags. */
async function findOtherContributionKeys(handle: DatabaseHandle, columns: ColumnSet, filter: TmiExportFilter): Promise<string[]> {
  const known = new Set<string>(FEATURE_NAMES)
  const others = new Set<string>()
  const giveTurn = createTurnYielder(256)
  await forEachRow(handle, selectUnusualContributions(handle.db, handle.dialect, columns, filter), ([text]) => {
    if (typeof text === 'string') for (const key of Object.keys(parseContributions(text))) if (!known.has(key)) others.add(key)
    return giveTurn()
  })
  return [...others].sort()
}
