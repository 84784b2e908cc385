import { backupDatabase } from '../../main/admin/backup'
import { AppFailure } from '../../main/errors/app-failure'
import { addCommonOptions, resolveTarget, targetLabel, withDatabase, type CommonOptions } from '../context'
import type { RegisterCommand } from '../run-command'

interface BackupOptions extends CommonOptions {
  out: string
}

export const registerBackup: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('backup'))
    .description('copy a SQLite database to a new file (online; checked with integrity_check; never overwrites)')
    .requiredOption('--out <file>', 'the backup file to write (must not exist)')
    .action(
      run<BackupOptions>('backup', async (options) => {
        const target = resolveTarget(options)
        if (target.dialect === 'postgres') {
          throw new AppFailure('InvalidInput', `${targetLabel(target)}: backup is not supported for PostgreSQL (use pg_dump)`)
        }
        const result = await withDatabase(target, 'read', async (handle) => backupDatabase(handle, options.out))
        return {
          data: { ok: true, target: targetLabel(target), backup: result.file, sizeBytes: result.sizeBytes },
          text: [`Backed up ${targetLabel(target)} to ${result.file} (${result.sizeBytes} bytes, integrity_check ok).`],
        }
      }),
    )
}
