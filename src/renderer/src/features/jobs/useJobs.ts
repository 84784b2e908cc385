import { call } from '../../lib/api'
import { reportError } from '../../lib/error-store'
import { useStore } from '../../lib/external-store'
import { dismissFinished, type JobView } from './job-list'
import { jobStore, markCancelRequested } from './job-store'

export interface Jobs {
  jobs: JobView[]
  cancel: (job: JobView) => Promise<void>
  dismiss: (jobId: string) => void
}

export function useJobs(): Jobs {
  const jobs = useStore(jobStore)
  return {
    jobs,
    async cancel(job) {
      markCancelRequested(job.jobId)
      const result = await call('jobs:cancel', { jobId: job.jobId })
      if (!result.ok) reportError(`Cancelling ${job.label}`, result.error)
    },
    dismiss: (jobId) => jobStore.set((current) => dismissFinished(current, jobId)),
  }
}
