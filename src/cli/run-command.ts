import type { Command } from 'commander'
import { toAppError } from '../main/errors/app-failure'
import { listenForInterrupts, type Interruption } from './cancel'
import { UsageError, type CommonOptions } from './context'
import { createOutput, printFailure, printResult, type CommandResult, type Output } from './output'

export interface CommandContext {
  /** Aborted by Ctrl-C in a `cancellable` command; never aborted otherwise. */
  signal: AbortSignal
}

export type CommandBody<O extends CommonOptions> = (options: O, out: Output, context: CommandContext) => Promise<CommandResult>
export interface RunSettings {
  /** Ctrl-C aborts `context.signal` instead of killing the process (see cancel.ts). */
  cancellable?: boolean
}
export type RunCommand = <O extends CommonOptions>(name: string, body: CommandBody<O>, settings?: RunSettings) => (options: O) => Promise<void>
/** Each command module exports one of these and adds itself to the program. */
export type RegisterCommand = (program: Command, run: RunCommand) => void

export interface CliState {
  exitCode: number
}

/**
 * Wraps a command body: prints its result or its one-line failure, and records the exit code. A
 * cancellable body that stopped because of Ctrl-C returns `data.cancelled: true` (or throws): the
 * exit code is then 130.
 */
export function commandRunner(state: CliState): RunCommand {
  return (name, body, settings = {}) =>
    async (options) => {
      const out = createOutput(Boolean(options.json))
      const interruption: Interruption | null = settings.cancellable ? listenForInterrupts() : null
      const signal = interruption?.signal ?? new AbortController().signal
      try {
        const result = await body(options, out, { signal })
        const interrupted = result.data.cancelled === true ? (interruption?.exitCode() ?? 130) : null
        printResult(out, name, interrupted !== null && !result.failure ? { ...result, failure: 'interrupted; stopped cleanly' } : result)
        state.exitCode = interrupted ?? result.exitCode ?? 0
      } catch (error) {
        const interrupted = interruption?.exitCode() ?? null
        const usage = error instanceof UsageError
        const failure = usage ? { code: 'Usage', message: error.message } : toAppError(error)
        printFailure(out.json, name, interrupted !== null ? { code: 'Cancelled', message: `interrupted: ${failure.message}` } : failure)
        state.exitCode = interrupted ?? (usage ? 2 : 1)
      } finally {
        interruption?.dispose()
      }
    }
}
