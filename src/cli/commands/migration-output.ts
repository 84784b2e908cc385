import type { MigrationRun } from '../../main/db/migrator'
import { plural, type CommandResult } from '../output'

/** The shared report of migrate, create and rollback runs. */
export function describeRun(command: 'migrate' | 'create' | 'rollback', label: string, result: MigrationRun, options: { dryRun: boolean }): CommandResult {
  const { steps, status, error } = result
  const verb = command === 'rollback' ? 'rolled back' : 'applied'
  const data = {
    ok: error === null,
    target: label,
    dryRun: options.dryRun,
    [verb === 'applied' ? 'applied' : 'rolledBack']: steps.map((s) => ({ version: s.version, description: s.description, statements: s.statements })),
    upToDate: error === null && steps.length === 0,
    schemaVersion: status.current,
    latestVersion: status.latest,
    pending: status.pending,
    unknown: status.unknown,
    ...(error ? { error } : {}),
  }
  const text: string[] = []
  if (options.dryRun) {
    text.push(
      steps.length === 0
        ? `Dry run: ${label} is up to date (schema ${status.current ?? 'none'}); nothing would change.`
        : `Dry run: ${plural(steps.length, 'migration')} would be applied to ${label}; nothing was changed.`,
    )
    for (const step of steps) text.push('', `-- ${step.version} ${step.description}`, ...step.statements.map((s) => `${s};`))
  } else if (steps.length > 0) {
    const done = steps.map((s) => s.version).join(', ')
    const preposition = command === 'rollback' ? 'in' : 'to'
    text.push(`${capitalize(verb)} ${plural(steps.length, 'migration')} (${done}) ${preposition} ${label}; schema is now at ${status.current ?? 'none'}.`)
  } else if (error === null) {
    text.push(command === 'rollback' ? `Nothing to roll back in ${label}.` : `${label} is up to date (schema ${status.current ?? 'none'}).`)
  }
  return error === null ? { data, text } : { data, text, exitCode: 1, failure: error.message }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
