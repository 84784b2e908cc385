import { Command, CommanderError } from 'commander'
import { registerBackup } from './commands/backup'
import { registerCleanup } from './commands/cleanup'
import { registerCreate } from './commands/create'
import { registerDemo } from './commands/demo'
import { registerDrop } from './commands/drop'
import { registerExport } from './commands/export'
import { registerFetch } from './commands/fetch'
import { registerHealth } from './commands/health'
import { registerImport } from './commands/import'
import { registerMigrate } from './commands/migrate'
import { registerReset } from './commands/reset'
import { registerRollback } from './commands/rollback'
import { registerServe } from './commands/serve'
import { registerStatus } from './commands/status'
import { registerTmi } from './commands/tmi'
import { oneLine } from './output'
import { commandRunner, type CliState, type RegisterCommand } from './run-command'

declare const __MOMENTUM_VERSION__: string | undefined
const VERSION = typeof __MOMENTUM_VERSION__ === 'string' ? __MOMENTUM_VERSION__ : '0.0.0-dev'

const COMMANDS: RegisterCommand[] = [
  registerMigrate,
  registerStatus,
  registerRollback,
  registerHealth,
  registerCreate,
  registerDrop,
  registerReset,
  registerCleanup,
  registerBackup,
  registerServe,
  registerImport,
  registerFetch,
  registerTmi,
  registerDemo,
  registerExport,
]

/** Runs one `momentum` invocation and returns its exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(args: string[]): Promise<number> {
  const state: CliState = { exitCode: 0 }
  const program = new Command('momentum')
    .description('MomentumML database administration (SQLite files and PostgreSQL)')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(`momentum: ${oneLine(text.replace(/^error: /, ''))}\n`) })
  const run = commandRunner(state)
  for (const register of COMMANDS) register(program, run)
  const parsing: string[] = []
  trackSubcommands(program, parsing)
  try {
    await program.parseAsync(args, { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    return commanderExitCode(error, args, parsing.length > 0 ? parsing.join(' ') : null)
  }
  return state.exitCode
}

/** Records the subcommands commander dispatches to, so a usage error can name its command (`tmi compute`). */
function trackSubcommands(command: Command, parsing: string[]): void {
  if (command.commands.length === 0) return
  command.hook('preSubcommand', (_command, subcommand) => {
    parsing.push(subcommand.name())
  })
  for (const subcommand of command.commands) trackSubcommands(subcommand, parsing)
}

function commanderExitCode(error: CommanderError, args: string[], command: string | null): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0
  if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2
  if (args.includes('--json')) {
    // commander already printed the stderr line; --json still promises one document on stdout.
    process.stdout.write(`${JSON.stringify({ command, ok: false, error: { code: 'Usage', message: oneLine(error.message.replace(/^error: /, '')) } }, null, 2)}\n`)
  }
  return 2
}

