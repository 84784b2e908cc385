import type { AppError } from '@shared/api/result'
import type { JobFinished, JobKind, JobProgress, JobStarted } from '@shared/domain/admin'

/** A cancelled job is its own outcome: shown as such, never as an error. */
export type JobState = 'running' | 'succeeded' | 'failed' | 'cancelled'

export interface JobView {
  jobId: string
  kind: JobKind
  label: string
  state: JobState
  done: number
  total: number | null
  message: string
  /** Why it failed or stopped, with the code main gave it; null while running and on success. */
  error: AppError | null
  download: string | null
  /** Started from this window (serve broadcasts every client's jobs). */
  startedHere: boolean
}

const KIND_LABELS: Record<JobKind, string> = {
  import: 'Import',
  export: 'Export',
  tmi: 'TMI computation',
  cleanup: 'Cleanup',
  migrate: 'Migration',
  backup: 'Backup',
  demo: 'Sample data',
}

export function kindLabel(kind: JobKind): string {
  return KIND_LABELS[kind]
}

/** Keeps the newest finished jobs; running ones always stay. */
const FINISHED_KEPT = 5

export function addStartedJob(jobs: readonly JobView[], started: JobStarted, label: string): JobView[] {
  const existing = jobs.find((job) => job.jobId === started.jobId)
  if (existing) return jobs.map((job) => (job === existing ? { ...job, label, startedHere: true } : job))
  return [...jobs, { jobId: started.jobId, kind: started.kind, label, state: 'running', done: 0, total: null, message: 'Starting…', error: null, download: null, startedHere: true }]
}

export function applyProgress(jobs: readonly JobView[], progress: JobProgress): JobView[] {
  const existing = jobs.find((job) => job.jobId === progress.jobId)
  if (existing?.state !== undefined && existing.state !== 'running') return [...jobs]
  const update = { done: progress.done, total: progress.total, message: progress.message }
  if (existing) return jobs.map((job) => (job === existing ? { ...job, ...update } : job))
  return [...jobs, { jobId: progress.jobId, kind: progress.kind, label: kindLabel(progress.kind), state: 'running', error: null, download: null, startedHere: false, ...update }]
}

export function applyFinished(jobs: readonly JobView[], finished: JobFinished): JobView[] {
  const existing = jobs.find((job) => job.jobId === finished.jobId)
  const base: JobView = existing ?? { jobId: finished.jobId, kind: finished.kind, label: kindLabel(finished.kind), done: 0, total: null, startedHere: false, state: 'running', message: '', error: null, download: null }
  const outcome: Pick<JobView, 'state' | 'error'> = finished.ok ? { state: 'succeeded', error: null } : { state: finished.error.code === 'Cancelled' ? 'cancelled' : 'failed', error: finished.error }
  const done: JobView = { ...base, ...outcome, message: finished.message, download: finished.download, done: finished.ok ? (base.total ?? base.done) : base.done }
  const others = jobs.filter((job) => job.jobId !== finished.jobId)
  const finishedOthers = others.filter((job) => job.state !== 'running')
  const dropped = new Set(finishedOthers.slice(0, Math.max(0, finishedOthers.length - (FINISHED_KEPT - 1))))
  return [...others.filter((job) => !dropped.has(job)), done]
}

export function dismissFinished(jobs: readonly JobView[], jobId: string): JobView[] {
  return jobs.filter((job) => job.jobId !== jobId || job.state === 'running')
}

/** 0–1 when the total is known, null for an indeterminate bar. */
export function jobFraction(job: Pick<JobView, 'done' | 'total'>): number | null {
  if (job.total === null || job.total <= 0) return null
  return Math.min(1, Math.max(0, job.done / job.total))
}

/** An action that finished at once (reset, drop, restore) shown in the status bar like a job's success. */
export function addSucceededAction(jobs: readonly JobView[], jobId: string, kind: JobKind, label: string, message: string): JobView[] {
  return applyFinished(addStartedJob(jobs, { jobId, kind }, label), { jobId, kind, ok: true, message, download: null })
}
