import { readMigrationStatus, type MigrationStatusEntry } from '../../main/db/migration-status'
import { addCommonOptions, resolveTarget, withDatabase, type CommonOptions } from '../context'
import { plural } from '../output'
import type { RegisterCommand } from '../run-command'

const STATE_TEXT: Record<MigrationStatusEntry['state'], string> = {
  applied: 'applied',
  pending: 'pending',
  changed: 'changed',
  'missing-objects': 'missing',
  unknown: 'unknown',
}

export const registerStatus: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('status'))
    .description('list applied, pending, changed and unknown migrations (read-only; never creates a file)')
    .action(
      run<CommonOptions>('status', async (options) => {
        const target = resolveTarget(options)
        return withDatabase(target, 'read', async (handle) => {
          const status = await readMigrationStatus(handle.db, handle.dialect)
          const data = {
            ok: true,
            target: handle.label,
            dialect: handle.dialect,
            schemaVersion: status.current,
            latestVersion: status.latest,
            migrations: status.entries.map((e) => ({ version: e.version, description: e.description, state: e.state, appliedAt: e.appliedAt })),
            pending: status.pending,
            changed: status.changed,
            unknown: status.unknown,
          }
          const text = [`${handle.label} (${handle.dialect}): schema ${status.current ?? 'none'}, latest ${status.latest}`]
          for (const entry of status.entries) {
            text.push(`  ${entry.version}  ${STATE_TEXT[entry.state].padEnd(8)}  ${(entry.appliedAt ?? '-').padEnd(26)}  ${entry.description}`)
          }
          if (status.pending.length > 0) text.push(`${plural(status.pending.length, 'migration')} pending (${status.pending.join(', ')}): run "momentum migrate".`)
          if (status.changed.length > 0) text.push(`Changed since applied: ${status.changed.join(', ')} (their recorded checksum differs from this build's).`)
          if (status.unknown.length > 0) {
            text.push(`Unknown: ${status.unknown.join(', ')} was recorded by a newer MomentumML; reads work, but update the app before migrating.`)
          }
          if (status.entries.some((e) => e.state === 'missing-objects')) text.push('Missing: recorded, but its tables or columns are gone; "momentum migrate" applies it again.')
          if (status.pending.length === 0 && status.unknown.length === 0) text.push('Up to date.')
          return { data, text }
        })
      }),
    )
}
