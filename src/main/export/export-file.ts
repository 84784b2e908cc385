/*
 * A file export never leaves a partial file: rows go to a hidden temp file in the target's folder
 * (so the rename cannot cross file systems), which is fsync'ed, closed and renamed over the target
 * only after the writer succeeded. On failure or cancellation the temp file is removed and an
 * existing target is untouched (reliability.md R6, I11). So is it when the process exits or is
 * stopped by SIGINT/SIGTERM/SIGHUP while nobody else handles them; only SIGKILL or a crash can leave
 * the hidden `.<name>.<pid>-<random>.tmp`, and never a truncated target.
 */
import { randomBytes } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { AppFailure } from '../errors/app-failure'
import { toOutputFailure } from './output-sink'

export const STDOUT_PATH = '-'

export interface ExportFileOptions {
  /** Where `-` writes; the CLI passes process.stdout (the default). It is never ended. */
  stdout?: Writable
  /** Replace an existing file (default true); false fails with Conflict instead. */
  overwrite?: boolean
}

/** Runs `write` against the file at `path` (or stdout for `-`) and commits it only if it succeeds. */
export async function exportToFile<T>(path: string, write: (out: Writable) => Promise<T>, options: ExportFileOptions = {}): Promise<T> {
  if (path === STDOUT_PATH) return write(options.stdout ?? process.stdout)
  const target = resolve(path)
  const overwrite = options.overwrite ?? true
  await checkTarget(target, overwrite)
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  let file: FileHandle
  try {
    file = await open(temp, 'wx')
  } catch (error) {
    throw toOutputFailure(error, target)
  }
  const stopGuard = guardTempFile(temp)
  // autoClose must stay on: with it off, Node 20 lost the pending write and 'drain' never came.
  const out = file.createWriteStream({ flush: true })
  try {
    const result = await write(out)
    out.end()
    await finished(out)
    await checkTarget(target, overwrite)
    await rename(temp, target)
    return result
  } catch (error) {
    out.destroy()
    await finished(out).catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    throw toFileFailure(error, target)
  } finally {
    stopGuard()
  }
}

async function checkTarget(target: string, overwrite: boolean): Promise<void> {
  const existing = await stat(target).catch(() => null)
  if (existing?.isDirectory()) throw new AppFailure('InvalidInput', `${target} is a folder`)
  if (existing && !overwrite) throw new AppFailure('Conflict', `${target} already exists`)
}

function toFileFailure(error: unknown, target: string): AppFailure {
  // Windows refuses to replace a file another program (a spreadsheet) holds open.
  if ((error as { code?: string }).code === 'EBUSY') return new AppFailure('Busy', `${target} is open in another program; close it and export again`)
  return toOutputFailure(error, target)
}

const FATAL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const liveTemps = new Set<string>()
const signalHandlers = new Map<NodeJS.Signals, () => void>()

/**
 * Removes the temp file on process exit, and on a fatal signal that nobody else handles: then it
 * stops listening and raises the signal again, so the process still dies of it as it would have.
 * Returns the function that stops guarding `temp`.
 */
function guardTempFile(temp: string): () => void {
  if (liveTemps.size === 0) {
    process.on('exit', removeLiveTemps)
    for (const signal of FATAL_SIGNALS) {
      if (process.listenerCount(signal) > 0) continue
      const handler = () => {
        removeLiveTemps()
        unguardAll()
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
      }
      signalHandlers.set(signal, handler)
      process.on(signal, handler)
    }
  }
  liveTemps.add(temp)
  return () => {
    liveTemps.delete(temp)
    if (liveTemps.size === 0) unguardAll()
  }
}

function unguardAll(): void {
  process.off('exit', removeLiveTemps)
  for (const [signal, handler] of signalHandlers) process.off(signal, handler)
  signalHandlers.clear()
}

function removeLiveTemps(): void {
  for (const temp of liveTemps) {
    try {
      unlinkSync(temp)
    } catch {
      // already gone
    }
  }
  liveTemps.clear()
}
