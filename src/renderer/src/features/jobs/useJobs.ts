import { call } from '../../lib/api'
import { reportError } from '../../lib/error-store'
import { useStore } from '../../lib/external-store'
import { dismissFinished, type JobView } from './job-list'
import { jobStore } from './job-store'

export interface Jobs {
  jobs: JobView[]
  cancel: (job: JobView) => Promise<void>
  dismiss: (jobId: string) => void
}

export function useJobs(): Jobs {
  const jobs = useStore(jobStore)
  return {
    jobs,
    /** The job then ends as cancelled (its job:finished carries the code Cancelled). */
    async cancel(job) {
      const result = await call('jobs:cancel', { jobId: job.jobId })
      if (!result.ok) reportError(`Cancelling ${job.label}`, result.error)
    },
    dismiss: (jobId) => jobStore.set((current) => dismissFinished(current, jobId)),
  }
}
