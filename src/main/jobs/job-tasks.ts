import { basename } from 'node:path'
import type { DatabaseHandle } from '../db/connection'
import { migrate } from '../db/migrator'
import { backupBesideDatabase } from '../admin/backup'
import { backupBeforeChange } from '../admin/safety-backup'
import { fillDemoDatabase } from '../demo/demo-fill.service'
import { AppFailure } from '../errors/app-failure'
import { exportTmi, exportToFile } from '../export'
import { importFiles } from '../import/nba-import.service'
import { computeGameTmi } from '../tmi/tmi-compute.service'
import { cleanupOldData } from '../tmi/tmi.service'
import type { JobRequest } from './job-types'

/** The seed of a demo fill that names none: filling twice gives the same games, not a conflict. */
export const DEFAULT_DEMO_SEED = 1

export interface TaskContext {
  signal: AbortSignal
  progress(done: number, total: number | null, message: string): void
}

/**
 * Does one job on `handle` and returns its one-line summary; throws AppFailure when it fails
 * ('Cancelled' when the signal stopped it). Runs inside the worker thread, but needs no worker:
 * tests call it directly.
 */
export async function runTask(handle: DatabaseHandle, request: JobRequest, context: TaskContext): Promise<string> {
  const { signal, progress } = context
  switch (request.kind) {
    case 'import': {
      const names = request.names ?? {}
      const labelOf = (file: string): string => names[file] ?? file
      const summary = await importFiles(handle, request.paths, {
        signal,
        computeTmi: request.computeTmi,
        labelOf,
        tmiRunner: (h, gameId) => computeGameTmi(h, gameId),
        onProgress: ({ index, total, result }) => progress(index, total, result.error ?? `${basename(result.source)}: ${count(result.added, 'event')} added`),
      })
      const text = `imported ${count(summary.games, 'game')} (${count(summary.eventsAdded, 'event')} added, ${summary.eventsUpdated} updated, ${summary.eventsUnchanged} unchanged)`
      if (summary.cancelled) throw new AppFailure('Cancelled', `import cancelled; ${text}`)
      const failed = summary.results.find((result) => result.error !== null)
      if (failed) throw new AppFailure(failed.errorCode ?? 'InvalidInput', `${text}; ${summary.filesFailed} failed: ${failed.error}`)
      return text
    }
    case 'export': {
      const { path, kind: _kind, ...filter } = request
      const result = await exportToFile(path, (out) => exportTmi(handle, { ...filter, signal, onProgress: (rows) => progress(rows, null, `${rows} rows written`) }, out), { overwrite: true })
      return `exported ${count(result.rows, 'TMI row')}`
    }
    case 'tmi': {
      const result = await computeGameTmi(handle, request.gameId, { algorithm: request.algorithm, windowSize: request.windowSize, replace: true })
      return result.status === 'no-events' ? `game ${request.gameId} has no events` : `computed ${count(result.rows, 'TMI row')} for ${request.gameId} (${request.algorithm}, window ${request.windowSize})`
    }
    case 'cleanup': {
      const options = { keepTmi: request.keepTmi, ...(request.gameId !== undefined && { gameId: request.gameId }) }
      const preview = await cleanupOldData(handle, { ...options, dryRun: true })
      if (preview.tmiDeleted + preview.eventsDeleted === 0) return 'nothing to delete; no backup was needed'
      // Project rule: a destructive action writes its backup first (as `momentum cleanup` does).
      const { backupNote } = backupBeforeChange(handle)
      const result = await cleanupOldData(handle, { ...options, dryRun: false })
      return `deleted ${count(result.tmiDeleted, 'old TMI row')}. ${backupNote}`
    }
    case 'migrate': {
      const run = await migrate(handle, { signal, ...(request.to !== undefined && { to: request.to }), onStep: ({ version, description, index, total }) => progress(index, total, `applying ${version} ${description}`) })
      if (run.error) throw new AppFailure(run.error.code, run.error.message)
      return run.steps.length === 0 ? 'no pending migrations' : `applied ${run.steps.map((s) => s.version).join(', ')}`
    }
    case 'backup': {
      const result = backupBesideDatabase(handle)
      return `backup written: ${basename(result.file)} (${result.sizeBytes} bytes)`
    }
    case 'demo': {
      const result = await fillDemoDatabase(handle, {
        games: request.games,
        seed: request.seed ?? DEFAULT_DEMO_SEED,
        signal,
        onProgress: ({ done, total, events }) => progress(done, total, `${done} of ${total} games (${events} events)`),
      })
      const text = `${count(result.games, 'demo game')} with ${count(result.events, 'event')} and ${count(result.tmiRows, 'TMI row')}`
      if (result.cancelled) throw new AppFailure('Cancelled', `demo fill cancelled; ${text}`)
      return text
    }
  }
}

/** `1 game`, `3 games`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
