import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { MainEventName, MainEvents } from '../../shared/api/events'
import type { JobFinished, JobStarted } from '../../shared/domain/admin'
import { AppFailure } from '../errors/app-failure'
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
}

/**
 * The registry of running jobs. Each job is a worker thread; `job:progress` and `job:finished`
 * reach the renderer through `emit`. At most one writing job runs at a time, so two SQLite
 * writers never wait on each other's lock past the busy timeout.
 */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>()

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
    this.jobs.set(jobId, { request, worker, done })
    return { jobId, kind: request.kind }
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job) return false
    job.worker.postMessage({ type: 'cancel' } satisfies ControlMessage)
    return true
  }

  get running(): number {
    return this.jobs.size
  }

  /** Resolves with the job's outcome; undefined for an unknown (or already forgotten) id. */
  whenFinished(jobId: string): Promise<JobFinished> | undefined {
    return this.jobs.get(jobId)?.done
  }

  /** Cancels everything and waits for the workers to close their connections (bounded). */
  async shutdown(graceMs = 5_000): Promise<void> {
    const jobs = [...this.jobs.values()]
    for (const job of jobs) job.worker.postMessage({ type: 'cancel' } satisfies ControlMessage)
    const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
    await Promise.race([Promise.all(jobs.map((job) => job.done)), timer])
    await Promise.all(jobs.map((job) => job.worker.terminate()))
  }

  private follow(jobId: string, request: JobRequest, worker: Worker, download: string | null): Promise<JobFinished> {
    const { kind } = request
    let outcome: { ok: boolean; message: string } | null = null
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') this.options.emit('job:progress', { jobId, kind, done: message.done, total: message.total, message: message.message })
      else outcome = { ok: message.ok, message: message.message }
    })
    worker.on('error', (error) => {
      outcome ??= { ok: false, message: `the ${kind} job failed: ${error.message.split('\n', 1)[0]}` }
    })
    return new Promise((resolve) => {
      worker.once('exit', (code) => {
        const result = outcome ?? { ok: false, message: `the ${kind} job stopped unexpectedly (exit code ${code})` }
        const finished: JobFinished = { jobId, kind, ...result, download: result.ok ? download : null }
        this.jobs.delete(jobId)
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
