import { Option } from 'commander'
import type { ImportResult, ImportSummary } from '../../main/import/import-summary'
import { importFiles, type GameTmiRunner } from '../../main/import/nba-import.service'
import type { ImportTableName } from '../../main/import/table-columns'
import { importTable } from '../../main/import/table-import.service'
import { computeGameTmi, type GameTmiResult } from '../../main/tmi/tmi-compute.service'
import { addCommonOptions, resolveTarget, UsageError, type CommonOptions } from '../context'
import type { CommandResult, Output } from '../output'
import { migratedLines, withMigratedDatabase } from '../prepare-database'
import { count, counted, createProgressLine } from '../progress'
import type { RegisterCommand } from '../run-command'

interface ImportCommandOptions extends CommonOptions {
  table?: ImportTableName
  /** commander's `--no-tmi`: false when given. */
  tmi: boolean
}

export const registerImport: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('import'))
    .description('import NBA live-data play-by-play JSON files (a folder means every *.json in it), or one table file with --table; creates the database file if it is missing')
    .argument('<paths...>', 'files or folders')
    .addOption(new Option('--table <table>', 'import one .csv/.ndjson file of rows named after the schema instead').choices(['games', 'events', 'tmi']))
    .option('--no-tmi', 'do not compute TMI for the imported games')
    .action((paths: string[], options: ImportCommandOptions) => run<ImportCommandOptions>('import', (opts, out, { signal }) => runImport(paths, opts, out, signal), { cancellable: true })(options))
}

async function runImport(paths: string[], options: ImportCommandOptions, out: Output, signal: AbortSignal): Promise<CommandResult> {
  const target = resolveTarget(options)
  const table = options.table
  if (table !== undefined) {
    if (paths.length !== 1) throw new UsageError(`--table imports exactly one file, got ${paths.length}`)
    return withMigratedDatabase(target, 'create', async ({ handle, migrated }) => describeTableImport(handle.label, migrated, await importTable(handle, table, paths[0]!)))
  }
  const progress = createProgressLine({ json: out.json })
  const tmi = tmiCollector()
  try {
    return await withMigratedDatabase(target, 'create', async ({ handle, migrated }) => {
      let events = 0
      const summary = await importFiles(handle, paths, {
        computeTmi: options.tmi,
        tmiRunner: tmi.runner,
        signal,
        onProgress: ({ index, total, result }) => {
          events += result.added + result.unchanged + result.updated
          progress.update(`importing ${index}/${total} files, ${count(events)} events…`)
        },
      })
      return describeImport('import', handle.label, migrated, summary, options.tmi ? tmi.results : null)
    })
  } finally {
    progress.clear()
  }
}

/**
 * The importer's TMI step: computeGameTmi with the default algorithm. A game whose events this
 * import added or changed gets its rows replaced; an unchanged game keeps them (skipped-existing).
 */
export function tmiCollector(): { runner: GameTmiRunner; results: GameTmiResult[] } {
  const results: GameTmiResult[] = []
  const runner: GameTmiRunner = async (handle, gameId, stored) => {
    const result = await computeGameTmi(handle, gameId, { replace: stored.added + stored.updated > 0 })
    results.push(result)
    return result
  }
  return { runner, results }
}

export interface TmiTally {
  computed: number
  replaced: number
  skippedExisting: number
  noEvents: number
  rows: number
}

export function tallyTmi(results: readonly GameTmiResult[]): TmiTally {
  const tally: TmiTally = { computed: 0, replaced: 0, skippedExisting: 0, noEvents: 0, rows: 0 }
  for (const r of results) {
    if (r.status === 'computed') tally.computed += 1
    else if (r.status === 'replaced') tally.replaced += 1
    else if (r.status === 'skipped-existing') tally.skippedExisting += 1
    else tally.noEvents += 1
    tally.rows += r.rows
  }
  return tally
}

export function tmiLine(tally: TmiTally): string {
  const parts = [`${tally.computed} computed`, `${tally.replaced} replaced`, `${tally.skippedExisting} unchanged (kept)`]
  if (tally.noEvents > 0) parts.push(`${tally.noEvents} without events`)
  return `TMI: ${parts.join(', ')}; ${counted(tally.rows, 'row')} written.`
}

export function resultLine(result: ImportResult): string {
  if (result.error !== null) return `  FAILED  ${result.source}`
  return `  ${result.gameId ?? '-'}  ${(result.status ?? '-').padEnd(8)}  ${count(result.added)} added, ${count(result.unchanged)} unchanged, ${count(result.updated)} updated  ${result.source}`
}

/**
 * The shared report of `import` and `fetch`. Exit 1 when `failed` (default: every failure line) is
 * not empty; `fetch --follow` passes only the failures that were not fixed by a later poll.
 */
export function describeImport(
  command: 'import' | 'fetch',
  label: string,
  migrated: readonly string[],
  summary: ImportSummary,
  tmiResults: readonly GameTmiResult[] | null,
  extra: { data?: Record<string, unknown>; failed?: string[]; listResults?: boolean } = {},
): CommandResult {
  const tally = tmiResults ? tallyTmi(tmiResults) : null
  const failed = extra.failed ?? summary.failures
  const noun = command === 'import' ? 'file' : 'download'
  const data = {
    ok: failed.length === 0 && !summary.cancelled,
    target: label,
    migrated,
    ...extra.data,
    inputs: summary.results.length,
    games: summary.games,
    eventsAdded: summary.eventsAdded,
    eventsUnchanged: summary.eventsUnchanged,
    eventsUpdated: summary.eventsUpdated,
    filesFailed: summary.filesFailed,
    failures: summary.failures,
    tmi: tally,
    cancelled: summary.cancelled,
    results: summary.results,
  }
  const text = [
    ...migratedLines(label, migrated),
    `${command === 'import' ? 'Imported' : 'Fetched'} ${counted(summary.results.length - summary.filesFailed, noun)} into ${label}: ${counted(summary.games, 'game')}, ` +
      `${count(summary.eventsAdded)} events added, ${count(summary.eventsUnchanged)} unchanged, ${count(summary.eventsUpdated)} updated; ${counted(summary.filesFailed, `${noun}`)} failed.`,
  ]
  if (tally) text.push(tmiLine(tally))
  if (extra.listResults ?? true) text.push(...summary.results.map(resultLine))
  if (summary.failures.length > 0) text.push('Failures:', ...summary.failures.map((line) => `  ${line}`))
  if (summary.cancelled) {
    const done = `${counted(summary.results.length, noun)} handled before it stopped; what was imported stays stored`
    return { data, text, failure: `interrupted: ${done}` }
  }
  if (failed.length === 0) return { data, text }
  return { data, text, exitCode: 1, failure: failed.length === 1 ? failed[0]! : `${failed.length} failures; the first: ${failed[0]!}` }
}

function describeTableImport(label: string, migrated: readonly string[], result: Awaited<ReturnType<typeof importTable>>): CommandResult {
  return {
    data: { ok: true, target: label, migrated, ...result },
    text: [
      ...migratedLines(label, migrated),
      `Imported ${result.table} from ${result.file} into ${label}: ${counted(result.rows, 'row')}, ${count(result.added)} added, ${count(result.unchanged)} unchanged, ${count(result.updated)} updated.`,
    ],
  }
}
