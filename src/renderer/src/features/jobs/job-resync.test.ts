import { describe, expect, it } from 'vitest'
import type { JobFinished } from '@shared/domain/admin'
import { addStartedJob, applyFinished } from './job-list'
import { planResync } from './job-resync'

const ended = (jobId: string): JobFinished => ({ jobId, kind: 'demo', ok: false, message: 'demo fill cancelled', error: { code: 'Cancelled', message: 'demo fill cancelled' }, download: null })

describe('planResync', () => {
  const jobs = applyFinished(
    ['a', 'b', 'c', 'late'].reduce((list, jobId) => addStartedJob(list, { jobId, kind: 'demo' }, jobId), [] as ReturnType<typeof addStartedJob>),
    { jobId: 'done', kind: 'tmi', ok: true, message: 'computed', download: null },
  )

  it('ends a job shown running whose end main reports, and leaves ends of unknown jobs for a start still on its way', () => {
    const plan = planResync(jobs, { running: [{ jobId: 'b', kind: 'demo', done: 3, total: 9, message: '3 of 9' }], finished: [ended('a'), ended('other-window'), ended('awaited')] }, new Set(['a', 'b']), new Set(['awaited']))
    expect(plan.ends).toEqual([ended('a'), ended('awaited')])
    expect(plan.unclaimed).toEqual([ended('other-window')])
    expect(plan.progress).toEqual([{ jobId: 'b', kind: 'demo', done: 3, total: 9, message: '3 of 9' }])
  })

  it('ends a job main no longer knows as lost with NotFound, but only one that was running when the snapshot was asked for', () => {
    const plan = planResync(jobs, { running: [], finished: [] }, new Set(['c', 'done', 'gone']), new Set())
    expect(plan.ends).toEqual([{ jobId: 'c', kind: 'demo', ok: false, download: null, message: expect.stringContaining('no longer knows'), error: { code: 'NotFound', message: expect.stringContaining('outcome is unknown') } }])
  })
})
