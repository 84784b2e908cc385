import { resetDatabase } from '../../main/admin/admin.service'
import { addCommonOptions, requireConfirm, resolveTarget, withDatabase, type CommonOptions } from '../context'
import { backupBeforeChange } from '../safety-backup'
import type { RegisterCommand } from '../run-command'
import { describeDropped } from './drop'

interface ResetOptions extends CommonOptions {
  confirm?: boolean
}

export const registerReset: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('reset'))
    .description('drop the tables and migrate again in one transaction (needs --confirm; backs up a SQLite file first)')
    .option('--confirm', 'really delete all data')
    .action(
      run<ResetOptions>('reset', async (options, out) => {
        const target = resolveTarget(options)
        requireConfirm(options.confirm, target, 'reset deletes every game, event and TMI row in')
        return withDatabase(target, 'write', async (handle) => {
          const safety = backupBeforeChange(handle, out)
          const result = await resetDatabase(handle)
          return {
            data: { ok: true, target: handle.label, ...safety, ...result },
            text: [
              `Dropped ${describeDropped(result.dropped)} from ${handle.label}.`,
              `Applied ${result.applied.map((m) => m.version).join(', ')}; schema is now at ${result.schemaVersion ?? 'none'}.`,
            ],
          }
        })
      }),
    )
}
