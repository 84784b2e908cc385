import { migrations } from '../../../migrations'
import { readMigrationStatus } from '../../main/db/migration-status'
import { rollback } from '../../main/db/migrator'
import { AppFailure } from '../../main/errors/app-failure'
import { addCommonOptions, busyTimeoutFromEnv, requireConfirm, resolveTarget, UsageError, withDatabase, type CommonOptions } from '../context'
import { backupBeforeChange } from '../safety-backup'
import type { RegisterCommand } from '../run-command'
import { describeRun } from './migration-output'

interface RollbackOptions extends CommonOptions {
  to?: string
  confirm?: boolean
}

export const registerRollback: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('rollback'))
    .description('undo the last migration, or all after --to (needs --confirm; backs up a SQLite file first)')
    .option('--to <version>', 'roll back every migration after this version (000 = all)')
    .option('--confirm', 'really change the schema (rolling back 001 drops the tables)')
    .action(
      run<RollbackOptions>('rollback', async (options, out) => {
        const target = resolveTarget(options)
        if (options.to !== undefined && options.to !== '000' && !migrations.some((m) => m.version === options.to)) {
          throw new UsageError(`--to ${options.to}: no such migration (known: 000, ${migrations.map((m) => m.version).join(', ')})`)
        }
        requireConfirm(options.confirm, target, 'rollback undoes migrations (rolling back 001 drops every table) in')
        const lockTimeoutMs = busyTimeoutFromEnv()
        return withDatabase(target, 'write', async (handle) => {
          // Decide before the backup, so a rollback that would do nothing or is refused leaves no copy behind.
          const status = await readMigrationStatus(handle.db, handle.dialect)
          if (status.unknown.length > 0) {
            throw new AppFailure('NewerSchema', `${handle.label} was written by a newer MomentumML (unknown migrations ${status.unknown.join(', ')}); update the app to change it`)
          }
          const applied = status.entries.filter((e) => e.state !== 'pending' && e.state !== 'unknown')
          const todo = options.to === undefined ? applied.slice(-1) : applied.filter((e) => e.version > options.to!)
          if (todo.length === 0) return describeRun('rollback', handle.label, { steps: [], status, error: null }, { dryRun: false })
          const safety = backupBeforeChange(handle, out)
          const result = await rollback(handle, { ...(options.to !== undefined ? { to: options.to } : {}), ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}) })
          const report = describeRun('rollback', handle.label, result, { dryRun: false })
          return { ...report, data: { ...report.data, ...safety } }
        })
      }),
    )
}
