import { Option } from 'commander'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { toAppError } from '../../main/errors/app-failure'
import type { TmiAlgorithm } from '../../main/tmi/engine'
import { computeAllTmi, computeGameTmi, type ComputeTmiOptions, type GameTmiResult } from '../../main/tmi/tmi-compute.service'
import { addCommonOptions, resolveTarget, UsageError, type CommonOptions } from '../context'
import type { CommandResult, Output } from '../output'
import { migratedLines, withMigratedDatabase } from '../prepare-database'
import { count, counted, createProgressLine } from '../progress'
import type { RegisterCommand } from '../run-command'
import { tallyTmi } from './import'
import { parsePositive } from './parse-options'

interface TmiComputeOptions extends CommonOptions {
  game?: string[]
  all?: boolean
  window?: number
  algorithm?: TmiAlgorithm
  replace?: boolean
}

const STATUS_TEXT: Record<GameTmiResult['status'] | 'failed', string> = {
  computed: 'computed',
  replaced: 'replaced',
  'skipped-existing': 'skipped (already computed; --replace recomputes)',
  'no-events': 'skipped (no events)',
  failed: 'FAILED',
}

export const registerTmi: RegisterCommand = (program, run) => {
  const tmi = program.command('tmi').description('Team Momentum Index calculations')
  addCommonOptions(tmi.command('compute'))
    .description('compute and store TMI from the stored events of one game (--game) or of every game (--all)')
    .option('--game <id>', 'a game id (repeat for several)', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
    .option('--all', 'every stored game')
    .option('--window <n>', 'possessions in the rolling window (default 5)', parsePositive)
    .addOption(new Option('--algorithm <name>', 'TMI algorithm (default momentum-2)').choices(['momentum-2', 'momentumml-1']))
    .option('--replace', 'recompute games that already have rows of this algorithm (default: leave them and report them)')
    .action(run<TmiComputeOptions>('tmi compute', (options, out, { signal }) => runCompute(options, out, signal), { cancellable: true }))
}

type GameOutcome = GameTmiResult | { gameId: string; status: 'failed'; error: string }

async function runCompute(options: TmiComputeOptions, out: Output, signal: AbortSignal): Promise<CommandResult> {
  const gameIds = [...new Set(options.game ?? [])]
  if (options.all && gameIds.length > 0) throw new UsageError('use either --game or --all, not both')
  if (!options.all && gameIds.length === 0) throw new UsageError('say which games: --game ID (repeatable) or --all')
  const compute: ComputeTmiOptions = {
    ...(options.algorithm !== undefined && { algorithm: options.algorithm }),
    ...(options.window !== undefined && { windowSize: options.window }),
    replace: options.replace ?? false,
  }
  const target = resolveTarget(options)
  const progress = createProgressLine({ json: out.json })
  try {
    // 'write': computing TMI needs stored events, so a missing file is an error, not a new database.
    return await withMigratedDatabase(target, 'write', async ({ handle, migrated }) => {
      const outcomes: GameOutcome[] = []
      let cancelled = false
      if (options.all) {
        const run = await computeAllTmi(handle, { ...compute, signal, onProgress: (done, total) => progress.update(`computing TMI ${count(done)}/${count(total)} games…`) })
        outcomes.push(...run.results)
        cancelled = run.cancelled
      } else {
        for (const [index, gameId] of gameIds.entries()) {
          // SQLite work never yields by itself; a turn lets the Ctrl-C handler run.
          if (index > 0) await nextTurn()
          if (signal.aborted) {
            cancelled = true
            break
          }
          progress.update(`computing TMI ${index + 1}/${gameIds.length} games…`)
          try {
            outcomes.push(await computeGameTmi(handle, gameId, compute))
          } catch (error) {
            // One game at a time: an unknown id is reported and the other games still run.
            if (gameIds.length === 1) throw error
            outcomes.push({ gameId, status: 'failed', error: toAppError(error).message })
          }
        }
      }
      return describeCompute(handle.label, migrated, compute, outcomes, cancelled)
    })
  } finally {
    progress.clear()
  }
}

function describeCompute(label: string, migrated: readonly string[], compute: ComputeTmiOptions, outcomes: readonly GameOutcome[], cancelled: boolean): CommandResult {
  const algorithm = compute.algorithm ?? 'momentum-2'
  const succeeded = outcomes.filter((o): o is GameTmiResult => o.status !== 'failed')
  const tally = { ...tallyTmi(succeeded), failed: outcomes.length - succeeded.length }
  const failures = outcomes.flatMap((o) => (o.status === 'failed' ? [o.error] : []))
  const data = {
    ok: failures.length === 0 && !cancelled,
    target: label,
    migrated,
    algorithm,
    replace: compute.replace ?? false,
    ...tally,
    cancelled,
    games: outcomes,
  }
  const parts = [`${tally.computed} computed`, `${tally.replaced} replaced`, `${tally.skippedExisting} skipped (already computed)`]
  if (tally.noEvents > 0) parts.push(`${tally.noEvents} without events`)
  if (tally.failed > 0) parts.push(`${tally.failed} failed`)
  const text = [
    ...migratedLines(label, migrated),
    `TMI (${algorithm}) in ${label}: ${counted(outcomes.length, 'game')}: ${parts.join(', ')}; ${counted(tally.rows, 'row')} written.`,
    ...outcomes.map((o) => `  ${o.gameId}  ${STATUS_TEXT[o.status]}${o.status !== 'failed' && o.rows > 0 ? `, ${counted(o.rows, 'row')}` : ''}${o.status === 'failed' ? `: ${o.error}` : ''}`),
  ]
  if (tally.skippedExisting > 0 && !compute.replace) text.push('Games that already had TMI of this algorithm were left as they are; run with --replace to recompute them.')
  if (cancelled) return { data, text, failure: `interrupted after ${counted(outcomes.length, 'game')}; each game finished was stored whole` }
  if (failures.length > 0) return { data, text, exitCode: 1, failure: failures.length === 1 ? failures[0]! : `${failures.length} games failed; the first: ${failures[0]!}` }
  return { data, text }
}
