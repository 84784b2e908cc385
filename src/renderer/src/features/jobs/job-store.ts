import type { Result } from '@shared/api/result'
import type { JobFinished, JobStarted } from '@shared/domain/admin'
import { followDownload, subscribe } from '../../lib/api'
import { bumpData, domainsChangedBy } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'
import { createStore } from '../../lib/external-store'
import { addStartedJob, applyFinished, applyProgress, type JobView } from './job-list'

export const jobStore = createStore<JobView[]>([])

const FINISHED_REMEMBERED = 50
/** A job can end before the call that started it has answered; its end waits here. */
const finishedJobs = new Map<string, JobFinished>()
const waiters = new Map<string, Array<(finished: JobFinished) => void>>()
const cancelRequested = new Set<string>()

/** Follows job:progress / job:finished for the life of the window. */
export function listenForJobs(): () => void {
  const offProgress = subscribe('job:progress', (progress) => jobStore.set((jobs) => applyProgress(jobs, progress)))
  const offFinished = subscribe('job:finished', (finished) => {
    jobStore.set((jobs) => applyFinished(jobs, finished))
    if (finished.ok) bumpData(domainsChangedBy(finished.kind))
    finishedJobs.set(finished.jobId, finished)
    if (finishedJobs.size > FINISHED_REMEMBERED) finishedJobs.delete(finishedJobs.keys().next().value!)
    for (const resolve of waiters.get(finished.jobId) ?? []) resolve(finished)
    waiters.delete(finished.jobId)
  })
  return () => {
    offProgress()
    offFinished()
  }
}

function whenFinished(jobId: string): Promise<JobFinished> {
  const known = finishedJobs.get(jobId)
  if (known) return Promise.resolve(known)
  return new Promise((resolve) => waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve]))
}

/**
 * Tracks a job a call has started: shows it in the status bar, reports a failed start or end on
 * an error banner, follows an export's download (serve), and resolves when the job ends (null if
 * it never started).
 */
export async function runJob(label: string, start: Promise<Result<JobStarted>>): Promise<JobFinished | null> {
  const started = await start
  if (!started.ok) {
    reportError(label, started.error)
    return null
  }
  jobStore.set((jobs) => addStartedJob(jobs, started.value, label))
  const finished = await whenFinished(started.value.jobId)
  if (!finished.ok) reportError(label, { code: cancelRequested.has(finished.jobId) ? 'Cancelled' : 'Internal', message: finished.message })
  else if (finished.download) followDownload(finished.download)
  return finished
}

export function markCancelRequested(jobId: string): void {
  cancelRequested.add(jobId)
}
