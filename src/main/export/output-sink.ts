import type { Writable } from 'node:stream'
import { AppFailure, isAppFailure } from '../errors/app-failure'

/** Writes chunks to a stream the caller owns, waiting for 'drain' so memory stays flat. */
export interface OutputSink {
  write(chunk: string): Promise<void>
  /** Writes the last chunk and waits until the stream has handed everything to its target. */
  finish(chunk: string): Promise<void>
  /** Stops listening to the stream; the stream itself is left open. */
  release(): void
}

export function createOutputSink(out: Writable, signal?: AbortSignal): OutputSink {
  let failure: unknown = null
  const onError = (error: unknown) => {
    failure ??= error
  }
  out.on('error', onError)
  const check = () => {
    throwIfCancelled(signal)
    if (failure !== null) throw toOutputFailure(failure)
    if (out.destroyed || out.writableEnded) throw new AppFailure('Cancelled', 'the output was closed before the export finished')
  }
  return {
    async write(chunk) {
      check()
      if (chunk === '' || out.write(chunk)) return
      await waitForDrain(out, signal)
      check()
    },
    async finish(chunk) {
      check()
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(new AppFailure('Cancelled', 'export cancelled'))
        signal?.addEventListener('abort', onAbort, { once: true })
        out.write(chunk, (error) => {
          signal?.removeEventListener('abort', onAbort)
          if (error) reject(toOutputFailure(error))
          else resolve()
        })
      })
      check()
    },
    release: () => out.off('error', onError),
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppFailure('Cancelled', 'export cancelled')
}

function waitForDrain(out: Writable, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => {
      out.off('drain', onDrain)
      out.off('error', onFail)
      out.off('close', onClose)
      signal?.removeEventListener('abort', onAbort)
      if (error === undefined) resolve()
      else reject(error)
    }
    const onDrain = () => settle()
    const onFail = (error: unknown) => settle(toOutputFailure(error))
    const onClose = () => settle(new AppFailure('Cancelled', 'the output was closed before the export finished'))
    const onAbort = () => settle(new AppFailure('Cancelled', 'export cancelled'))
    out.on('drain', onDrain)
    out.on('error', onFail)
    out.on('close', onClose)
    signal?.addEventListener('abort', onAbort)
  })
}

/** One clear line for a failed write: disk full, no permission, reader gone. */
export function toOutputFailure(error: unknown, where = 'the output'): AppFailure {
  if (isAppFailure(error)) return error
  const code = (error as { code?: string }).code ?? ''
  const detail = error instanceof Error ? error.message : String(error)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppFailure('Internal', `no space left on the device writing ${where}`)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppFailure('ReadOnly', `cannot write ${where}: permission denied`)
    case 'EPIPE':
    case 'ERR_STREAM_DESTROYED':
      return new AppFailure('Cancelled', `${where} was closed by the reader`)
    case 'ENOENT':
      return new AppFailure('InvalidInput', `cannot write ${where}: the folder does not exist`)
    case 'EISDIR':
      return new AppFailure('InvalidInput', `cannot write ${where}: it is a folder`)
    default:
      return new AppFailure('Internal', `cannot write ${where}: ${detail}`)
  }
}
