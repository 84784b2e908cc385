import type { Command } from 'commander'
import { toAppError } from '../main/errors/app-failure'
import { UsageError, type CommonOptions } from './context'
import { createOutput, printFailure, printResult, type CommandResult, type Output } from './output'

export type CommandBody<O extends CommonOptions> = (options: O, out: Output) => Promise<CommandResult>
export type RunCommand = <O extends CommonOptions>(name: string, body: CommandBody<O>) => (options: O) => Promise<void>
/** Each command module exports one of these and adds itself to the program. */
export type RegisterCommand = (program: Command, run: RunCommand) => void

export interface CliState {
  exitCode: number
}

/** Wraps a command body: prints its result or its one-line failure, and records the exit code. */
export function commandRunner(state: CliState): RunCommand {
  return (name, body) => async (options) => {
    const out = createOutput(Boolean(options.json))
    try {
      const result = await body(options, out)
      printResult(out, name, result)
      state.exitCode = result.exitCode ?? 0
    } catch (error) {
      const usage = error instanceof UsageError
      printFailure(out.json, name, usage ? { code: 'Usage', message: error.message } : toAppError(error))
      state.exitCode = usage ? 2 : 1
    }
  }
}
