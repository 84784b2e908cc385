import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { MainEventName, MainEvents } from '../../shared/api/events'
import type { AppError } from '../../shared/api/result'
import type { JobFinished, JobKind, JobProgress, JobsSnapshot, JobStarted } from '../../shared/domain/admin'
import { AppFailure, firstLine } from '../errors/app-failure'
import type { WorkerDatabase } from '../session/database-session'
import { WRITING_KINDS, type ControlMessage, type JobRequest, type WorkerInput, type WorkerMessage } from './job-types'

export type EmitEvent = <E extends MainEventName>(event: E, payload: MainEvents[E]) => void

export interface JobRunnerOptions {
  /** job-worker.js beside the running bundle (out/main or out/cli). */
  workerPath: string
  emit: EmitEvent
  /** Runs after a job's worker has exited (its connection is closed), before job:finished is sent. */
  onFinished?: (finished: JobFinished, request: JobRequest) => Promise<void> | void
}

interface RunningJob {
  request: JobRequest
  worker: Worker
  done: Promise<JobFinished>
  /** The latest progress, for jobs:list. */
  progress: JobProgress
  cancelRequested: boolean
}

type Outcome = { ok: true; message: string } | { ok: false; error: AppError }

/** Finished jobs remembered for jobs:list, so a page that missed job:finished still learns the end. */
const FINISHED_KEPT = 20

/**
 * The registry of running jobs. Each job is a worker thread; `job:progress` and `job:finished`
 * reach the renderer through `emit`. At most one writing job runs at a time, so two SQLite
 * writers never wait on each other's lock past the busy timeout.
 */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>()
  private readonly finished: JobFinished[] = []

  constructor(private readonly options: JobRunnerOptions) {}

  start(database: WorkerDatabase, request: JobRequest, download: string | null = null): JobStarted {
    const writing = WRITING_KINDS.has(request.kind)
    if (writing && database.readonly) throw new AppFailure('ReadOnly', `the database is open read-only; ${request.kind} needs write access`)
    const writer = [...this.jobs.values()].find((job) => WRITING_KINDS.has(job.request.kind))
    if (writing && writer) throw new AppFailure('Conflict', `a ${writer.request.kind} job is still writing; wait for it or cancel it`)
    const jobId = randomUUID()
    const input: WorkerInput = { database, request }
    const worker = new Worker(this.options.workerPath, { workerData: input })
    const done = this.follow(jobId, request, worker, download)
    this.jobs.set(jobId, { request, worker, done, progress: { jobId, kind: request.kind, done: 0, total: null, message: 'started' }, cancelRequested: false })
    return { jobId, kind: request.kind }
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) return false
    job.cancelRequested = true
    job.worker.postMessage({ type: 'cancel' } satisfies ControlMessage)
    return true
  }

  get running(): number {
    return this.jobs.size
  }

  /** Running jobs with their latest progress, and the last finished ones. */
  list(): JobsSnapshot {
    return { running: [...this.jobs.values()].map((job) => ({ ...job.progress })), finished: [...this.finished] }
  }

  /** Resolves with the job's outcome; undefined for an unknown (or already forgotten) id. */
  whenFinished(jobId: string): Promise<JobFinished> | undefined {
    return this.jobs.get(jobId)?.done
  }

  /** Cancels everything and waits for the workers to close their connections (bounded). */
  async shutdown(graceMs = 5_000): Promise<void> {
    const jobs = [...this.jobs.values()]
    for (const job of jobs) {
      job.cancelRequested = true
      job.worker.postMessage({ type: 'cancel' } satisfies ControlMessage)
    }
    const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
    await Promise.race([Promise.all(jobs.map((job) => job.done)), timer])
    await Promise.all(jobs.map((job) => job.worker.terminate()))
  }

  /** Its listeners run only after start() has registered the job, so they find it in `jobs`. */
  private follow(jobId: string, request: JobRequest, worker: Worker, download: string | null): Promise<JobFinished> {
    const { kind } = request
    let outcome: Outcome | null = null
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const progress: JobProgress = { jobId, kind, done: message.done, total: message.total, message: message.message }
        const job = this.jobs.get(jobId)
        if (job) job.progress = progress
        this.options.emit('job:progress', progress)
      } else outcome = message.ok ? { ok: true, message: message.message } : { ok: false, error: message.error }
    })
    worker.on('error', (error) => {
      outcome ??= { ok: false, error: { code: 'Internal', message: `the ${kind} job failed: ${firstLine(error.message)}` } }
    })
    return new Promise((resolve) => {
      worker.once('exit', (code) => {
        const result = outcome ?? stoppedOutcome(kind, code, this.jobs.get(jobId)?.cancelRequested ?? false)
        const finished: JobFinished = result.ok ? { jobId, kind, ok: true, message: result.message, download } : { jobId, kind, ok: false, message: result.error.message, error: result.error, download: null }
        this.jobs.delete(jobId)
        // Remembered before job:finished is sent, so jobs:list never misses a job in between.
        this.finished.push(finished)
        if (this.finished.length > FINISHED_KEPT) this.finished.shift()
        void Promise.resolve(this.options.onFinished?.(finished, request))
          .catch((error: unknown) => console.error(error))
          .finally(() => {
            this.options.emit('job:finished', finished)
            resolve(finished)
          })
      })
    })
  }
}

/** A worker that exited without reporting: stopped by a cancel (shutdown), or crashed. */
function stoppedOutcome(kind: JobKind, exitCode: number, cancelRequested: boolean): Outcome {
  if (cancelRequested) return { ok: false, error: { code: 'Cancelled', message: `the ${kind} job was stopped before it finished` } }
  return { ok: false, error: { code: 'Internal', message: `the ${kind} job stopped unexpectedly (exit code ${exitCode})` } }
}
