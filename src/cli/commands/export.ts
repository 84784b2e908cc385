import { Command, InvalidArgumentError, Option } from 'commander'
import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import type { DatabaseHandle } from '../../main/db/connection'
import { AppFailure } from '../../main/errors/app-failure'
import { exportEvents, exportGames, exportTmi, exportToFile, STDOUT_PATH, type CsvWriteOptions, type ExportResult } from '../../main/export'
import { addCommonOptions, resolveTarget, UsageError, withDatabase, type CommonOptions } from '../context'
import type { CommandResult, Output } from '../output'
import { count, counted, createProgressLine } from '../progress'
import type { RegisterCommand, RunCommand } from '../run-command'
import { parseInteger } from './parse-options'

interface ExportCommonOptions extends CommonOptions {
  out: string
  game?: string
  team?: string
  from?: string
  to?: string
  excel?: boolean
  delimiter?: string
  raw?: boolean
}

interface ExportTmiOptions extends ExportCommonOptions {
  algorithm?: string
  contributions?: 'columns' | 'json'
}

interface ExportEventsOptions extends ExportCommonOptions {
  type?: string
  period?: number
}

interface ExportGamesOptions extends ExportCommonOptions {
  status?: string
}

type Writer<O> = (handle: DatabaseHandle, options: O, csv: CsvWriteOptions, out: Writable) => Promise<ExportResult>

export const registerExport: RegisterCommand = (program, run) => {
  const group = program.command('export').description('write TMI history, events or games as CSV (read-only)')

  exportCommand<ExportTmiOptions>(group, run, 'tmi', 'TMI history (one row per calculation)', 'TMI rows', (handle, o, csv, out) =>
    exportTmi(handle, { ...csv, ...gameFilters(o), ...(o.algorithm !== undefined && { algorithm: o.algorithm }), ...(o.contributions !== undefined && { contributions: o.contributions }) }, out),
  )
    .option('--algorithm <name>', 'only rows of this algorithm (momentum-2, momentumml-1)')
    .addOption(new Option('--contributions <mode>', 'feature contributions as one column per key, or the stored JSON text').choices(['columns', 'json']).default('columns'))

  exportCommand<ExportEventsOptions>(group, run, 'events', 'play-by-play events in game order', 'events', (handle, o, csv, out) =>
    exportEvents(handle, { ...csv, ...gameFilters(o), ...(o.type !== undefined && { eventType: o.type }), ...(o.period !== undefined && { period: o.period }) }, out),
  )
    .option('--type <event_type>', 'only this event type (shot, rebound, …)')
    .option('--period <n>', 'only this period', parseInteger)

  exportCommand<ExportGamesOptions>(group, run, 'games', 'games with their event and TMI row counts', 'games', (handle, o, csv, out) =>
    exportGames(handle, { ...csv, ...gameFilters(o), ...(o.status !== undefined && { status: o.status }) }, out),
  ).option('--status <status>', 'only games with this status (Final, Final OT, Live)')
}

function exportCommand<O extends ExportCommonOptions>(group: Command, run: RunCommand, name: string, what: string, rowsNoun: string, write: Writer<O>): Command {
  const command = addCommonOptions(group.command(name))
    .description(`write ${what} as CSV to a file (written whole or not at all) or to stdout with --out -`)
    .requiredOption('--out <file>', 'the CSV file, or - for stdout')
    .option('--game <id>', 'only this game')
    .option('--team <tricode>', name === 'games' ? 'only games of this team (home or away)' : 'only this team')
    .option('--from <date>', 'only games on or after this date (YYYY-MM-DD)', parseDate)
    .option('--to <date>', 'only games on or before this date (YYYY-MM-DD)', parseDate)
    .option('--excel', 'UTF-8 BOM and CRLF line ends, for Excel')
    .option('--delimiter <c>', 'cell delimiter: , ; | or tab (default ,)', parseDelimiter)
    .option('--raw', 'write text starting with = + - @ as it is (default: prefix \' so spreadsheets do not run it)')
  command.action(run<O>(`export ${name}`, (options, out, { signal }) => runExport(options, out, signal, rowsNoun, write), { cancellable: true }))
  return command
}

function gameFilters(o: ExportCommonOptions) {
  return {
    ...(o.game !== undefined && { gameId: o.game }),
    ...(o.team !== undefined && { team: o.team }),
    ...(o.from !== undefined && { from: o.from }),
    ...(o.to !== undefined && { to: o.to }),
  }
}

async function runExport<O extends ExportCommonOptions>(options: O, output: Output, signal: AbortSignal, rowsNoun: string, write: Writer<O>): Promise<CommandResult> {
  const toStdout = options.out === STDOUT_PATH
  // stdout then carries the CSV: a JSON report there would corrupt it.
  if (toStdout && options.json) throw new UsageError('--json cannot be used with --out - (stdout carries the CSV)')
  const target = resolveTarget(options)
  const file = toStdout ? STDOUT_PATH : resolve(options.out)
  const progress = createProgressLine({ json: output.json })
  const csv: CsvWriteOptions = {
    ...(options.delimiter !== undefined && { delimiter: options.delimiter }),
    excel: options.excel ?? false,
    raw: options.raw ?? false,
    signal,
    onProgress: (rows) => progress.update(`exporting ${count(rows)} ${rowsNoun}…`),
  }
  try {
    return await withDatabase(target, 'read', async (handle) => {
      const result = await exportToFile(file, (out) => write(handle, options, csv, out), { stdout: process.stdout })
      const data = { ok: true, target: handle.label, out: file, rows: result.rows, columns: result.columns }
      // With --out - nothing but the CSV goes to stdout.
      return { data, text: toStdout ? [] : [`Exported ${count(result.rows)} ${rowsNoun} (${counted(result.columns.length, 'column')}) from ${handle.label} to ${file}.`] }
    })
  } catch (error) {
    if (!signal.aborted) throw error
    throw new AppFailure('Cancelled', toStdout ? 'export cancelled; the CSV on stdout is incomplete' : `export cancelled; nothing was written to ${file}`)
  } finally {
    progress.clear()
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

function parseDate(value: string): string {
  const time = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) throw new InvalidArgumentError('expected a date as YYYY-MM-DD')
  return value
}

function parseDelimiter(value: string): string {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value
  if (![',', ';', '|', '\t'].includes(delimiter)) throw new InvalidArgumentError('expected , ; | or tab')
  return delimiter
}
