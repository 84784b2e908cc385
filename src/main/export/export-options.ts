import { AppFailure } from '../errors/app-failure'
import type { CsvDelimiter, CsvFormat } from './csv-encoder'

/** How the CSV is written; shared by every export. */
export interface CsvWriteOptions {
  /** `,` (default), `;`, tab or `|`. */
  delimiter?: string
  /** UTF-8 BOM and CRLF line ends for Excel. */
  excel?: boolean
  /** Turn formula neutralising off (text starting with = + - @ … is written as it is). */
  raw?: boolean
  /** Called with the rows written so far, about every `progressEvery` rows and once at the end. */
  onProgress?: (rowsWritten: number) => void
  progressEvery?: number
  /** Aborting stops the export with AppFailure('Cancelled'). */
  signal?: AbortSignal
}

/**
 * Inclusive bounds on the game's date (`games.game_date`, `YYYY-MM-DD`): analysts think in game
 * dates, not in when a row was calculated. Rows of a game missing from `games` never match.
 */
export interface GameDateRange {
  from?: string
  to?: string
}

export interface ExportResult {
  rows: number
  columns: string[]
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|']

export function resolveCsvFormat(options: CsvWriteOptions): CsvFormat {
  const delimiter = options.delimiter ?? ','
  if (!(DELIMITERS as readonly string[]).includes(delimiter)) {
    throw new AppFailure('InvalidInput', `delimiter must be one of , ; tab |, got ${JSON.stringify(delimiter)}`)
  }
  return { delimiter: delimiter as CsvDelimiter, excel: options.excel ?? false, raw: options.raw ?? false }
}

export function resolveProgressEvery(options: CsvWriteOptions): number {
  const every = options.progressEvery ?? 10_000
  if (!Number.isInteger(every) || every < 1) throw new AppFailure('InvalidInput', `progressEvery must be a positive integer, got ${every}`)
  return every
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** `from` as given and the day after `to`, so `game_date < end` also keeps `2024-01-15T19:30` on the 15th. */
export function resolveDateRange(range: GameDateRange): { from: string | null; end: string | null } {
  const from = range.from === undefined ? null : checkedDate(range.from, 'from')
  const to = range.to === undefined ? null : checkedDate(range.to, 'to')
  if (from && to && from.text > to.text) throw new AppFailure('InvalidInput', `from ${from.text} is after to ${to.text}`)
  return { from: from?.text ?? null, end: to ? new Date(to.time + 86_400_000).toISOString().slice(0, 10) : null }
}

function checkedDate(text: string, name: string): { text: string; time: number } {
  const match = DATE.exec(text)
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) {
    throw new AppFailure('InvalidInput', `${name} must be a date as YYYY-MM-DD, got ${JSON.stringify(text)}`)
  }
  return { text, time }
}
