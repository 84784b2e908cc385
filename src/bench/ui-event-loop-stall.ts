/**
 * `ui-event-loop-stall`: the longest event-loop delay of the process that answers the UI (the
 * `momentum serve` HTTP server and the handler table) while a 1,000,000-event import runs as a job
 * in its worker thread, the UI polling games:list meanwhile. The bound is the same import run on
 * the main thread, with the same polling. Target: under 50 ms (Electron performance guide §3).
 */
import { spawnSync } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { join } from 'node:path'
import { openDatabase } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { migrate } from '../main/db/migrator'
import { importFiles } from '../main/import/nba-import.service'
import { startServeApp } from '../main/ipc/serve-app'
import { computeGameTmi } from '../main/tmi/tmi-compute.service'
import { writePlayByPlayFiles } from './pbp-files'
import { latencyResult, type BenchResult } from './report'

export interface UiStallOptions {
  dir: string
  events: number
  actionsPerGame: number
  /** job-worker.js beside the running bundle. */
  workerPath: string
  /** This script, run again as a child for each measurement. */
  benchScript: string
  log: (line: string) => void
}

const POLL_MS = 50

export async function runUiEventLoopStall(options: UiStallOptions): Promise<BenchResult[]> {
  const games = Math.ceil(options.events / options.actionsPerGame)
  const input = join(options.dir, 'pbp')
  options.log(`ui-event-loop-stall: writing ${games} play-by-play files of ${options.actionsPerGame} actions`)
  writePlayByPlayFiles(input, games, options.actionsPerGame)

  // Each side in a fresh process, as an app's main process is: the bench's own heap (a million
  // generated events collected just before) would otherwise add its GC pauses to whichever runs.
  options.log('ui-event-loop-stall: importing in the job worker while the UI polls')
  const ours = runChild(options, 'worker', input)
  options.log('ui-event-loop-stall: importing on the main thread while the UI polls')
  const bound = runChild(options, 'main', input)
  options.log(`ui-event-loop-stall: worker max ${ours.toFixed(1)} ms, main thread max ${bound.toFixed(1)} ms`)
  return [latencyResult('ui-event-loop-stall', 'sqlite', 'max', ours, bound, '< 50 ms')]
}

function runChild(options: UiStallOptions, mode: 'worker' | 'main', input: string): number {
  const args = [options.benchScript, '--child-ui-stall', mode, '--db', join(options.dir, `stall-${mode}.db`), '--input', input]
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`ui-event-loop-stall child (${mode}) failed: ${child.stderr}`)
  return (JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { maxMs: number }).maxMs
}

/** One measurement in this (child) process; prints `{maxMs}` as its last line. */
export async function runUiStallChild(mode: string, file: string, input: string, workerPath: string): Promise<void> {
  await freshDatabase(file)
  const maxMs = mode === 'worker' ? await measureWorkerImport(file, input, workerPath) : await measureMainThreadImport(file, input)
  console.log(JSON.stringify({ maxMs }))
}

async function freshDatabase(file: string): Promise<string> {
  const handle = await openDatabase(parseDatabaseSpec(file), { create: true })
  const run = await migrate(handle)
  await handle.close()
  if (run.error) throw new Error(run.error.message)
  return file
}

async function measureWorkerImport(file: string, input: string, workerPath: string): Promise<number> {
  const app = await startServeApp({ target: parseDatabaseSpec(file), isDefaultTarget: false, host: '127.0.0.1', port: 0, token: null, staticDir: join(file, 'none'), workerPath, recentFile: null })
  try {
    const fileId = app.services.files.register(input)
    const histogram = monitorEventLoopDelay({ resolution: 10 })
    histogram.enable()
    const poller = pollGames(app.url)
    const job = await app.services.handlers['import:files']({ fileIds: [fileId] })
    const finished = await app.services.jobs.whenFinished(job.jobId)
    histogram.disable()
    await poller.stop()
    if (!finished?.ok) throw new Error(`import job failed: ${finished?.message}`)
    return histogram.max / 1e6
  } finally {
    await app.close()
  }
}

async function measureMainThreadImport(file: string, input: string): Promise<number> {
  const app = await startServeApp({ target: parseDatabaseSpec(file), isDefaultTarget: false, host: '127.0.0.1', port: 0, token: null, staticDir: join(file, 'none'), workerPath: 'unused', recentFile: null })
  try {
    const histogram = monitorEventLoopDelay({ resolution: 10 })
    histogram.enable()
    const poller = pollGames(app.url)
    const summary = await importFiles(app.services.session.require(), [input], { computeTmi: true, tmiRunner: (handle, gameId) => computeGameTmi(handle, gameId) })
    histogram.disable()
    await poller.stop()
    if (summary.filesFailed > 0) throw new Error(`main-thread import failed: ${summary.failures[0]}`)
    return histogram.max / 1e6
  } finally {
    await app.close()
  }
}

/** The UI's side: a games:list call every POLL_MS over HTTP, as the renderer's table would. */
function pollGames(url: string): { stop(): Promise<void> } {
  let running = true
  const loop = (async () => {
    while (running) {
      const response = await fetch(new URL('/api/call/games:list', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"limit":50}' })
      await response.arrayBuffer()
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
    },
  }
}
