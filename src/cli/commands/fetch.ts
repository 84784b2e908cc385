import { InvalidArgumentError } from 'commander'
import type { ImportResult } from '../../main/import/import-summary'
import { fetchGames, resolveBaseUrl, type FetchProgress } from '../../main/import/nba-fetch.service'
import { addCommonOptions, resolveTarget, type CommonOptions } from '../context'
import type { CommandResult, Output } from '../output'
import { withMigratedDatabase } from '../prepare-database'
import { count, createProgressLine } from '../progress'
import type { RegisterCommand } from '../run-command'
import { describeImport, resultLine, tmiCollector } from './import'

interface FetchCommandOptions extends CommonOptions {
  follow?: boolean
  baseUrl?: string
  /** Seconds between polls with --follow. */
  interval?: number
  tmi: boolean
}

export const registerFetch: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('fetch'))
    .description('download NBA live-data play-by-play for each game id and import it; creates the database file if it is missing')
    .argument('<gameIds...>', 'NBA game ids, e.g. 0022400718')
    .option('--follow', 'keep polling the games that are not final until they are (Ctrl-C stops)')
    .option('--base-url <url>', 'where playbyplay_<id>.json files are served (default: $MOMENTUM_NBA_BASE_URL, then the NBA CDN)', parseBaseUrl)
    .option('--interval <seconds>', 'seconds between polls with --follow (default 25)', parseSeconds)
    .option('--no-tmi', 'do not compute TMI for the fetched games')
    .action((gameIds: string[], options: FetchCommandOptions) => run<FetchCommandOptions>('fetch', (opts, out, { signal }) => runFetch(gameIds, opts, out, signal), { cancellable: true })(options))
}

function parseBaseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InvalidArgumentError('expected an http:// or https:// URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('expected an http:// or https:// URL')
  return value
}

function parseSeconds(value: string): number {
  const seconds = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0)) throw new InvalidArgumentError('expected a number of seconds > 0')
  return seconds
}

async function runFetch(gameIds: string[], options: FetchCommandOptions, out: Output, signal: AbortSignal): Promise<CommandResult> {
  const target = resolveTarget(options)
  const baseUrl = resolveBaseUrl({ ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }), env: process.env })
  const progress = createProgressLine({ json: out.json })
  const tmi = tmiCollector()
  const follow = options.follow ?? false
  // The last outcome per game decides the exit code: with --follow a 404 before tip-off is retried.
  const last = new Map<string, ImportResult>()
  const reported = new Set<ImportResult>()
  try {
    return await withMigratedDatabase(target, 'create', async ({ handle, migrated }) => {
      const summary = await fetchGames(handle, gameIds, {
        baseUrl,
        follow,
        ...(options.interval !== undefined && { pollIntervalMs: Math.round(options.interval * 1000) }),
        signal,
        computeTmi: options.tmi,
        tmiRunner: tmi.runner,
        onProgress: (event: FetchProgress) => {
          if (event.kind === 'result') {
            last.set(event.gameId, event.result)
            reported.add(event.result)
            if (follow) {
              progress.clear()
              out.progress(`poll ${event.poll}: ${resultLine(event.result).trim()}`)
            }
          }
          progress.update(progressText(event))
        },
      })
      const final = [...summary.results.filter((r) => !reported.has(r)), ...last.values()]
      const failed = final.flatMap((r) => [r.error, r.tmiError].filter((line): line is string => line !== null))
      return describeImport('fetch', handle.label, migrated, summary, options.tmi ? tmi.results : null, {
        data: { baseUrl, follow, polls: summary.polls, failedGames: failed.length },
        failed,
        listResults: !follow,
      })
    })
  } finally {
    progress.clear()
  }
}

function progressText(event: FetchProgress): string {
  switch (event.kind) {
    case 'download':
      return `downloading ${event.gameId}${event.poll > 1 ? ` (poll ${event.poll})` : ''}…`
    case 'retry':
      return `retrying ${event.gameId} in ${count(Math.ceil(event.delayMs / 1000))} s (attempt ${event.attempt}): ${event.cause}`
    case 'result':
      return `${event.gameId}: ${event.result.error === null ? `${event.result.status ?? ''}, ${count(event.result.added)} events added` : 'failed'}`
    case 'wait':
      return `waiting ${count(Math.round(event.delayMs / 1000))} s for ${event.pending.length} live game${event.pending.length === 1 ? '' : 's'}…`
  }
}
