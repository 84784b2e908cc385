import { jobFraction, type JobState, type JobView } from './job-list'
import { useJobs } from './useJobs'

const STATE_ICONS: Record<JobState, string> = { running: '…', succeeded: '✓', failed: '✕', cancelled: '⊘' }

/** The status bar: running jobs with progress and Cancel, then the latest outcome (with main's error code when it did not succeed). */
export function JobBar(): React.JSX.Element {
  const { jobs, cancel, dismiss } = useJobs()
  const running = jobs.filter((job) => job.state === 'running')
  const latest = jobs.filter((job) => job.state !== 'running').at(-1)
  return (
    <footer className="status-bar" aria-label="Jobs">
      {running.map((job) => (
        <RunningJob key={job.jobId} job={job} onCancel={() => void cancel(job)} />
      ))}
      {running.length === 0 && latest && (
        <div className={`job job-${latest.state}`} role="status">
          <span className="job-icon" aria-hidden="true">{STATE_ICONS[latest.state]}</span>
          <span className="job-label">{latest.label}</span>
          {latest.error && <strong className="job-code">{latest.error.code}</strong>}
          <span className="job-message">{latest.message}</span>
          <button type="button" className="icon-button" aria-label={`Dismiss ${latest.label}`} onClick={() => dismiss(latest.jobId)}>
            ×
          </button>
        </div>
      )}
      {running.length === 0 && !latest && <span className="status-idle">Ready</span>}
    </footer>
  )
}

function RunningJob({ job, onCancel }: { job: JobView; onCancel: () => void }): React.JSX.Element {
  const fraction = jobFraction(job)
  return (
    <div className="job job-running" role="status" aria-live="polite">
      <span className="job-label">{job.label}</span>
      <progress className="job-progress" aria-label={`${job.label} progress`} max={1} value={fraction ?? undefined} />
      <span className="job-message">
        {job.message}
        {job.total !== null && ` · ${job.done.toLocaleString('en-US')} / ${job.total.toLocaleString('en-US')}`}
      </span>
      <button type="button" className="button button-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
