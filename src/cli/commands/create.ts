import { createTables } from '../../main/admin/admin.service'
import { addCommonOptions, busyTimeoutFromEnv, resolveTarget, targetLabel, withDatabase, type CommonOptions } from '../context'
import type { RegisterCommand } from '../run-command'
import { describeRun } from './migration-output'

export const registerCreate: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('create'))
    .description('create the tables by running every migration (creates the database file if it is missing)')
    .action(
      run<CommonOptions>('create', async (options, out) => {
        const target = resolveTarget(options)
        const lockTimeoutMs = busyTimeoutFromEnv()
        const result = await withDatabase(target, 'create', (handle) =>
          createTables(handle, { ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}), onStep: (s) => out.progress(`  applying ${s.version} ${s.description}`) }),
        )
        return describeRun('create', targetLabel(target), result, { dryRun: false })
      }),
    )
}
