import type { AppError } from '../shared/api/result'

/** What a command hands back: the one JSON document for `--json`, or the lines for people. */
export interface CommandResult {
  data: Record<string, unknown>
  text: string[]
  /** 1 for "ran, but the answer is bad" (e.g. an unhealthy database); `failure` is then its stderr line. */
  exitCode?: 0 | 1
  failure?: string
}

export interface Output {
  readonly json: boolean
  /** A progress line printed immediately in text mode, never in JSON mode. */
  progress(line: string): void
}

export function createOutput(json: boolean): Output {
  return {
    json,
    progress: (line) => {
      if (!json) process.stdout.write(`${line}\n`)
    },
  }
}

export function printResult(out: Output, command: string, result: CommandResult): void {
  if (out.json) process.stdout.write(`${JSON.stringify({ command, ...result.data }, null, 2)}\n`)
  else if (result.text.length > 0) process.stdout.write(`${result.text.join('\n')}\n`)
  if (result.failure) printErrorLine(result.failure)
}

/** The one stderr line, plus (with `--json`) the one JSON document on stdout. */
export function printFailure(json: boolean, command: string | null, error: AppError | { code: string; message: string }): void {
  if (json) process.stdout.write(`${JSON.stringify({ command, ok: false, error }, null, 2)}\n`)
  printErrorLine(error.message)
}

export function printErrorLine(message: string): void {
  process.stderr.write(`momentum: ${oneLine(message)}\n`)
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
