import { fillDemoDatabase, type FillDemoResult } from '../../main/demo/demo-fill.service'
import { addCommonOptions, parseCount, resolveTarget, type CommonOptions } from '../context'
import type { CommandResult, Output } from '../output'
import { migratedLines, withMigratedDatabase } from '../prepare-database'
import { count, counted, createProgressLine } from '../progress'
import type { RegisterCommand } from '../run-command'
import { parseInteger } from './parse-options'

interface DemoCommandOptions extends CommonOptions {
  games: number
  seed: number
  tmi: boolean
}

export const registerDemo: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('demo'))
    .description('fill the database with generated NBA-like demo games (the same seed gives the same data); creates and migrates the file first')
    .option('--games <n>', 'number of games', parseCount, 20)
    .option('--seed <s>', 'random seed', parseInteger, 1)
    .option('--no-tmi', 'do not compute TMI for the demo games')
    .action(run<DemoCommandOptions>('demo', (options, out, { signal }) => runDemo(options, out, signal), { cancellable: true }))
}

async function runDemo(options: DemoCommandOptions, out: Output, signal: AbortSignal): Promise<CommandResult> {
  const target = resolveTarget(options)
  const progress = createProgressLine({ json: out.json })
  try {
    return await withMigratedDatabase(target, 'create', async ({ handle, migrated }) => {
      const result = await fillDemoDatabase(handle, {
        games: options.games,
        seed: options.seed,
        computeTmi: options.tmi,
        signal,
        onProgress: (p) => progress.update(`demo: ${count(p.done)}/${count(p.total)} games, ${count(p.events)} events, ${count(p.tmiRows)} TMI rows…`),
      })
      return describeDemo(handle.label, migrated, options, result)
    })
  } finally {
    progress.clear()
  }
}

function describeDemo(label: string, migrated: readonly string[], options: DemoCommandOptions, result: FillDemoResult): CommandResult {
  const data = { ok: !result.cancelled, target: label, migrated, seed: options.seed, requestedGames: options.games, computeTmi: options.tmi, ...result }
  const text = [
    ...migratedLines(label, migrated),
    `Demo data (seed ${options.seed}) in ${label}: ${counted(result.games, 'game')}, ${count(result.events)} events, ${count(result.tmiRows)} TMI rows written.`,
  ]
  if (result.cancelled) return { data, text, failure: `interrupted after ${count(result.games)} of ${count(options.games)} games; the games written are complete` }
  return { data, text }
}
