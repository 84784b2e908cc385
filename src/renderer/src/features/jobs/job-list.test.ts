import { describe, expect, it } from 'vitest'
import { addStartedJob, addSucceededAction, applyFinished, applyProgress, dismissFinished, jobFraction } from './job-list'

describe('job list', () => {
  it('tracks a started job through progress to its end', () => {
    let jobs = addStartedJob([], { jobId: 'j1', kind: 'import' }, 'Import 2 files')
    jobs = applyProgress(jobs, { jobId: 'j1', kind: 'import', done: 1, total: 2, message: 'a.csv' })
    expect(jobs).toMatchObject([{ jobId: 'j1', label: 'Import 2 files', state: 'running', done: 1, total: 2, startedHere: true }])
    jobs = applyFinished(jobs, { jobId: 'j1', kind: 'import', ok: true, message: 'Imported 2 files', download: null })
    expect(jobs).toMatchObject([{ state: 'succeeded', message: 'Imported 2 files', done: 2 }])
  })

  it('adds jobs another window started when their progress arrives', () => {
    const jobs = applyProgress([], { jobId: 'j2', kind: 'backup', done: 0, total: null, message: 'copying' })
    expect(jobs).toMatchObject([{ label: 'Backup', startedHere: false, state: 'running' }])
  })

  it('ignores progress that arrives after the end, and an end before the start', () => {
    let jobs = applyFinished([], { jobId: 'j3', kind: 'export', ok: false, message: 'disk full', error: { code: 'Internal', message: 'disk full' }, download: null })
    jobs = applyProgress(jobs, { jobId: 'j3', kind: 'export', done: 5, total: 9, message: 'late' })
    expect(jobs).toMatchObject([{ state: 'failed', message: 'disk full', error: { code: 'Internal' } }])
    jobs = addStartedJob(jobs, { jobId: 'j3', kind: 'export' }, 'Export TMI')
    expect(jobs).toMatchObject([{ state: 'failed', startedHere: true, label: 'Export TMI' }])
  })

  it('keeps the code main gave a failure, and shows a cancelled job as cancelled rather than failed', () => {
    let jobs = addStartedJob([], { jobId: 'bad', kind: 'import' }, 'Import 1 file')
    jobs = applyProgress(jobs, { jobId: 'bad', kind: 'import', done: 1, total: 1, message: 'bad.json: not JSON' })
    const error = { code: 'InvalidInput', message: 'imported 0 games; 1 failed: /tmp/bad.json: not JSON' } as const
    jobs = applyFinished(jobs, { jobId: 'bad', kind: 'import', ok: false, message: error.message, error, download: null })
    expect(jobs).toMatchObject([{ jobId: 'bad', state: 'failed', error, message: error.message, label: 'Import 1 file' }])
    const cancelled = { code: 'Cancelled', message: 'demo fill cancelled; 40 demo games' } as const
    jobs = applyFinished(addStartedJob(jobs, { jobId: 'demo', kind: 'demo' }, 'Sample data'), { jobId: 'demo', kind: 'demo', ok: false, message: cancelled.message, error: cancelled, download: null })
    expect(jobs.at(-1)).toMatchObject({ jobId: 'demo', state: 'cancelled', error: cancelled })
    expect(applyFinished(jobs, { jobId: 'ok', kind: 'tmi', ok: true, message: 'computed', download: null }).at(-1)).toMatchObject({ state: 'succeeded', error: null })
  })

  it('keeps only the newest finished jobs, and dismisses finished ones only', () => {
    let jobs = addStartedJob([], { jobId: 'run', kind: 'tmi' }, 'TMI')
    for (let i = 0; i < 8; i++) jobs = applyFinished(jobs, { jobId: `f${i}`, kind: 'demo', ok: true, message: '', download: null })
    expect(jobs.map((job) => job.jobId)).toEqual(['run', 'f3', 'f4', 'f5', 'f6', 'f7'])
    expect(dismissFinished(jobs, 'run')).toHaveLength(6)
    expect(dismissFinished(jobs, 'f7')).toHaveLength(5)
  })

  it('shows an action that answered at once (reset, drop, restore) as the latest success, after running jobs', () => {
    const jobs = addSucceededAction(addStartedJob([], { jobId: 'run', kind: 'tmi' }, 'TMI'), 'local-1', 'migrate', 'Drop database', 'MomentumML tables removed')
    expect(jobs.at(-1)).toMatchObject({ jobId: 'local-1', label: 'Drop database', state: 'succeeded', message: 'MomentumML tables removed', error: null })
    expect(jobs[0]).toMatchObject({ jobId: 'run', state: 'running' })
  })

  it('returns the done share, or null when the total is unknown', () => {
    expect(jobFraction({ done: 1, total: 4 })).toBe(0.25)
    expect(jobFraction({ done: 1, total: null })).toBeNull()
  })
})
