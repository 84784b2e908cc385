/*
 * Ctrl-C for long commands (import, fetch, tmi compute, demo, export). The first SIGINT (or
 * SIGTERM) aborts the signal handed to the service, which stops at its next safe point: between
 * files, games or batches, or mid-export (the temp file is removed). The command then reports what
 * it did and exits 128 + the signal number (130 for Ctrl-C). A second signal exits at once; the
 * process 'exit' handlers (the export's temp-file guard) still run.
 */
import { constants } from 'node:os'

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

export interface Interruption {
  readonly signal: AbortSignal
  /** 130 after SIGINT, 143 after SIGTERM; null while not interrupted. */
  exitCode(): number | null
  /** Stops listening: the default signal behaviour (die at once) is back. */
  dispose(): void
}

export function listenForInterrupts(): Interruption {
  const controller = new AbortController()
  let code: number | null = null
  const handlers = new Map<NodeJS.Signals, () => void>()
  for (const name of SIGNALS) {
    const handler = () => {
      const exit = 128 + constants.signals[name]
      if (code !== null) process.exit(code)
      code = exit
      controller.abort(new Error(`interrupted by ${name}`))
    }
    handlers.set(name, handler)
    process.on(name, handler)
  }
  return {
    signal: controller.signal,
    exitCode: () => code,
    dispose: () => {
      for (const [name, handler] of handlers) process.off(name, handler)
      handlers.clear()
    },
  }
}
