import type { CleanupResult } from '../../shared/domain/tmi'
import { cleanupOldData } from '../../main/tmi/tmi.service'
import { addCommonOptions, parseCount, resolveTarget, withDatabase, type CommonOptions } from '../context'
import { plural } from '../output'
import { backupBeforeChange, type SafetyBackup } from '../safety-backup'
import type { RegisterCommand } from '../run-command'

interface CleanupCommandOptions extends CommonOptions {
  game?: string
  keepTmi: number
  dryRun?: boolean
}

export const registerCleanup: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('cleanup'))
    .description('delete old TMI rows, keeping the newest N per game and team (backs up a SQLite file first)')
    .option('--game <id>', 'only this game (default: every game)')
    .requiredOption('--keep-tmi <n>', 'TMI rows to keep per game and team', parseCount)
    .option('--dry-run', 'report what would be deleted and change nothing')
    .action(
      run<CleanupCommandOptions>('cleanup', async (options, out) => {
        const target = resolveTarget(options)
        const request = { keepTmi: options.keepTmi, ...(options.game !== undefined ? { gameId: options.game } : {}) }
        return withDatabase(target, options.dryRun ? 'read' : 'write', async (handle) => {
          const preview = await cleanupOldData(handle, { ...request, dryRun: true })
          if (options.dryRun || preview.tmiDeleted + preview.eventsDeleted === 0) return describeCleanup(handle.label, preview, null)
          const safety = backupBeforeChange(handle, out)
          return describeCleanup(handle.label, await cleanupOldData(handle, { ...request, dryRun: false }), safety)
        })
      }),
    )
}

function describeCleanup(label: string, result: CleanupResult, safety: SafetyBackup | null) {
  const verb = result.dryRun ? 'would delete' : 'deleted'
  const text = [
    `${result.dryRun ? 'Dry run: ' : ''}${label}: ${verb} ${plural(result.tmiDeleted, 'TMI row')} and ${plural(result.eventsDeleted, 'event')}${result.dryRun ? '; nothing was changed' : ''}.`,
  ]
  for (const g of result.groups) text.push(`  ${g.gameId}  ${g.teamTricode.padEnd(4)}  kept ${g.kept}, ${verb} ${g.deleted}`)
  return { data: { ok: true, target: label, backup: safety?.backup ?? null, ...(safety ? { backupNote: safety.backupNote } : {}), ...result }, text }
}
