import { checkHealth } from '../../main/health/health.service'
import { addCommonOptions, resolveTarget, withDatabase, type CommonOptions } from '../context'
import type { RegisterCommand } from '../run-command'

const LEVEL_TEXT = { ok: 'ok  ', warning: 'warn', error: 'FAIL' } as const

export const registerHealth: RegisterCommand = (program, run) => {
  addCommonOptions(program.command('health'))
    .description('check the database (read-only); exit 1 when a check fails, pending migrations are only a warning')
    .action(
      run<CommonOptions>('health', async (options) => {
        const target = resolveTarget(options)
        const report = await withDatabase(target, 'read', checkHealth)
        const text = [`${report.location} (${report.dialect}): ${report.ok ? 'healthy' : 'NOT healthy'}`]
        for (const part of report.parts) text.push(`  ${LEVEL_TEXT[part.level]}  ${part.name.padEnd(14)}  ${part.detail}`)
        if (report.ok) return { data: { ...report }, text }
        const failed = report.parts.filter((p) => !p.ok).map((p) => `${p.name}: ${p.detail}`)
        return { data: { ...report }, text, exitCode: 1, failure: `${report.location} is not healthy (${failed.join('; ')})` }
      }),
    )
}
