import type { JobFinished, JobProgress, JobsSnapshot } from '@shared/domain/admin'
import type { JobView } from './job-list'

export interface ResyncPlan {
  /** Latest progress of every running job (adds the ones this page has not seen yet). */
  progress: JobProgress[]
  /** Ends to apply now: jobs this page shows running or waits for. */
  ends: JobFinished[]
  /** Ends of jobs this page does not know (yet): a start call still on its way may claim one. */
  unclaimed: JobFinished[]
}

/**
 * What to do with main's job snapshot after pushes may have been missed. `runningBefore` holds the
 * jobs shown running when the snapshot was asked for: one of those that main neither runs nor
 * remembers (it was restarted, or forgot it among many later jobs) ends as lost, never as running
 * forever. A job added after the question was sent may be newer than the answer, so it is left alone.
 */
export function planResync(jobs: readonly JobView[], snapshot: JobsSnapshot, runningBefore: ReadonlySet<string>, waitedFor: ReadonlySet<string>): ResyncPlan {
  const runningHere = new Map(jobs.filter((job) => job.state === 'running').map((job) => [job.jobId, job]))
  const ends: JobFinished[] = []
  const unclaimed: JobFinished[] = []
  for (const finished of snapshot.finished) {
    if (runningHere.has(finished.jobId) || waitedFor.has(finished.jobId)) ends.push(finished)
    else unclaimed.push(finished)
  }
  const known = new Set([...snapshot.running, ...snapshot.finished].map((job) => job.jobId))
  for (const jobId of runningBefore) {
    const job = runningHere.get(jobId)
    if (job && !known.has(jobId)) ends.push(lostJob(job))
  }
  return { progress: snapshot.running, ends, unclaimed }
}

function lostJob(job: JobView): JobFinished {
  const message = `the server no longer knows this ${job.kind} job (was it restarted?); its outcome is unknown`
  return { jobId: job.jobId, kind: job.kind, ok: false, message, error: { code: 'NotFound', message }, download: null }
}
