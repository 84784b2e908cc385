import { existsSync } from 'node:fs'
import { parseDatabaseSpec } from '../../main/db/database-target'
import { migrate, type MigrationRun } from '../../main/db/migrator'
import { addCommonOptions, busyTimeoutFromEnv, isSqliteFile, resolveTarget, targetLabel, withDatabase, type CommonOptions } from '../context'
import type { RegisterCommand } from '../run-command'
import { describeRun } from './migration-output'

interface MigrateOptions extends CommonOptions {
  to?: string
  dryRun?: boolean
}

export const registerMigrate: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('migrate'))
    .description('apply pending migrations (creates the database file if it is missing)')
    .option('--to <version>', 'apply migrations up to and including this version')
    .option('--dry-run', 'print the SQL that would run and change nothing')
    .action(
      run<MigrateOptions>('migrate', async (options, out) => {
        const target = resolveTarget(options)
        const label = targetLabel(target)
        const lockTimeoutMs = busyTimeoutFromEnv()
        const common = { ...(options.to !== undefined ? { to: options.to } : {}), ...(lockTimeoutMs !== undefined ? { lockTimeoutMs } : {}) }
        if (options.dryRun) {
          // A missing file is planned against an empty in-memory database: a dry run creates nothing.
          const planTarget = isSqliteFile(target) && !existsSync(target.file) ? parseDatabaseSpec(':memory:') : target
          const result = await withDatabase(planTarget, planTarget === target ? 'read' : 'create', (handle) => migrate(handle, { ...common, dryRun: true }))
          return describeRun('migrate', label, result, { dryRun: true })
        }
        const result: MigrationRun = await withDatabase(target, 'create', (handle) =>
          migrate(handle, { ...common, onStep: (step) => out.progress(`  applying ${step.version} ${step.description}`) }),
        )
        return describeRun('migrate', label, result, { dryRun: false })
      }),
    )
}

