import { dropTables, type DroppedTable } from '../../main/admin/admin.service'
import { hasTable } from '../../main/db/introspection'
import { addCommonOptions, requireConfirm, resolveTarget, withDatabase, type CommonOptions } from '../context'
import { backupBeforeChange } from '../safety-backup'
import type { RegisterCommand } from '../run-command'

interface DropOptions extends CommonOptions {
  confirm?: boolean
}

export const registerDrop: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('drop'))
    .description('drop games, events, tmi_calculations and schema_migrations (needs --confirm; backs up a SQLite file first)')
    .option('--confirm', 'really drop the tables')
    .action(
      run<DropOptions>('drop', async (options, out) => {
        const target = resolveTarget(options)
        requireConfirm(options.confirm, target, 'drop deletes every game, event and TMI row in')
        return withDatabase(target, 'write', async (handle) => {
          const ownTables = await Promise.all(['games', 'events', 'tmi_calculations', 'schema_migrations'].map((t) => hasTable(handle.db, handle.dialect, t)))
          if (!ownTables.some(Boolean)) {
            return { data: { ok: true, target: handle.label, backup: null, dropped: [] }, text: [`Nothing to drop: ${handle.label} has none of the MomentumML tables.`] }
          }
          const safety = backupBeforeChange(handle, out)
          const { dropped } = await dropTables(handle)
          return {
            data: { ok: true, target: handle.label, ...safety, dropped },
            text: [`Dropped ${describeDropped(dropped)} from ${handle.label}.`, 'Run "momentum migrate" to create the tables again.'],
          }
        })
      }),
    )
}

export function describeDropped(dropped: DroppedTable[]): string {
  return dropped.map((d) => `${d.table} (${d.rows} row${d.rows === 1 ? '' : 's'})`).join(', ') || 'no tables'
}
