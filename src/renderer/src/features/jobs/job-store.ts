import type { Result } from '@shared/api/result'
import type { JobFinished, JobKind, JobStarted } from '@shared/domain/admin'
import { call, followDownload, onResync, subscribe } from '../../lib/api'
import { bumpData, domainsChangedBy } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'
import { createStore } from '../../lib/external-store'
import { addStartedJob, addSucceededAction, applyFinished, applyProgress, type JobView } from './job-list'
import { planResync } from './job-resync'

export const jobStore = createStore<JobView[]>([])

const FINISHED_REMEMBERED = 50
/** A job can end before the call that started it has answered; its end waits here. */
const finishedJobs = new Map<string, JobFinished>()
/** Ends a resync reported for jobs this page did not know; a start call still on its way claims its one. */
const unclaimedEnds = new Map<string, JobFinished>()
const waiters = new Map<string, Array<(finished: JobFinished) => void>>()

/** Follows job:progress / job:finished for the life of the window, re-reading jobs:list when pushes may have been missed. */
export function listenForJobs(): () => void {
  const offProgress = subscribe('job:progress', (progress) => jobStore.set((jobs) => applyProgress(jobs, progress)))
  const offFinished = subscribe('job:finished', finish)
  const offResync = onResync(() => void resync())
  return () => {
    offProgress()
    offFinished()
    offResync()
  }
}

/** Applies one job's end, once: a replayed push and a resync may both bring it. */
function finish(finished: JobFinished): void {
  if (finishedJobs.has(finished.jobId)) return
  remember(finishedJobs, finished)
  unclaimedEnds.delete(finished.jobId)
  jobStore.set((jobs) => applyFinished(jobs, finished))
  // Failed and cancelled jobs may have written whole parts (good files of an import, demo batches).
  bumpData(domainsChangedBy(finished.kind))
  for (const resolve of waiters.get(finished.jobId) ?? []) resolve(finished)
  waiters.delete(finished.jobId)
}

async function resync(): Promise<void> {
  const runningBefore = new Set(jobStore.get().flatMap((job) => (job.state === 'running' ? [job.jobId] : [])))
  const snapshot = await call('jobs:list', {})
  if (!snapshot.ok) return reportError('Reading the state of running jobs', snapshot.error)
  const plan = planResync(jobStore.get(), snapshot.value, runningBefore, new Set(waiters.keys()))
  for (const progress of plan.progress) jobStore.set((jobs) => applyProgress(jobs, progress))
  for (const finished of plan.ends) finish(finished)
  for (const finished of plan.unclaimed) if (!finishedJobs.has(finished.jobId)) remember(unclaimedEnds, finished)
}

function remember(map: Map<string, JobFinished>, finished: JobFinished): void {
  map.set(finished.jobId, finished)
  if (map.size > FINISHED_REMEMBERED) map.delete(map.keys().next().value!)
}

function whenFinished(jobId: string): Promise<JobFinished> {
  const known = finishedJobs.get(jobId)
  if (known) return Promise.resolve(known)
  return new Promise((resolve) => waiters.set(jobId, [...(waiters.get(jobId) ?? []), resolve]))
}

/**
 * Tracks a job a call has started: shows it in the status bar, reports a failed start or end on an
 * error banner with main's code (a cancelled job shows as cancelled in the status bar instead),
 * follows an export's download (serve), and resolves when the job ends (null if it never started).
 */
export async function runJob(label: string, start: Promise<Result<JobStarted>>): Promise<JobFinished | null> {
  const started = await start
  if (!started.ok) {
    reportError(label, started.error)
    return null
  }
  const { jobId } = started.value
  jobStore.set((jobs) => addStartedJob(jobs, started.value, label))
  const unclaimed = unclaimedEnds.get(jobId)
  if (unclaimed) finish(unclaimed)
  const finished = await whenFinished(jobId)
  if (!finished.ok && finished.error.code !== 'Cancelled') reportError(label, finished.error)
  else if (finished.ok && finished.download) followDownload(finished.download)
  return finished
}

let nextActionId = 1

/** Shows the success of an action that is not a job (it answered at once) in the status bar. */
export function showSucceeded(kind: JobKind, label: string, message: string): void {
  jobStore.set((jobs) => addSucceededAction(jobs, `local-action-${nextActionId++}`, kind, label, message))
}
