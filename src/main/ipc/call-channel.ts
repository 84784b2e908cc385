/**
 * What both transports do with one call: check the channel, parse the input with the channel's
 * zod schema, run the handler, and turn any throw into a `Result` (STYLE.md 4). An unexpected
 * error is logged here with its stack and crosses the boundary as `Internal` with one short line.
 */
import type { ZodError } from 'zod'
import { channels, type ApiInput, type ApiOutput, type Channel } from '../../shared/api/contract'
import type { AppError, Result } from '../../shared/api/result'
import { inputSchemas } from '../../shared/api/schemas'
import { isAppFailure, toAppError } from '../errors/app-failure'

export type Handlers = { [C in Channel]: (input: ApiInput<C>) => Promise<ApiOutput<C>> }

const MAX_MESSAGE = 300

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channels as readonly string[]).includes(name)
}

export async function callChannel(handlers: Handlers, channel: unknown, input: unknown, log: (...args: unknown[]) => void = console.error): Promise<Result<unknown>> {
  if (!isChannel(channel)) return failure({ code: 'InvalidInput', message: `unknown channel ${String(channel).slice(0, 64)}` })
  const parsed = inputSchemas[channel].safeParse(input)
  if (!parsed.success) return failure({ code: 'InvalidInput', message: `${channel}: ${describeIssues(parsed.error)}` })
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (!isAppFailure(error)) log(`[${channel}] unexpected error`, error)
    return failure(toAppError(error))
  }
}

function failure(error: AppError): Result<never> {
  const message = error.message.length > MAX_MESSAGE ? `${error.message.slice(0, MAX_MESSAGE - 1)}…` : error.message
  return { ok: false, error: { code: error.code, message } }
}

function describeIssues(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ')
}
