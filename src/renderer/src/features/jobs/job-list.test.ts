import { describe, expect, it } from 'vitest'
import { addStartedJob, applyFinished, applyProgress, dismissFinished, jobFraction } from './job-list'

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
    let jobs = applyFinished([], { jobId: 'j3', kind: 'export', ok: false, message: 'disk full', download: null })
    jobs = applyProgress(jobs, { jobId: 'j3', kind: 'export', done: 5, total: 9, message: 'late' })
    expect(jobs).toMatchObject([{ state: 'failed', message: 'disk full' }])
    jobs = addStartedJob(jobs, { jobId: 'j3', kind: 'export' }, 'Export TMI')
    expect(jobs).toMatchObject([{ state: 'failed', startedHere: true, label: 'Export TMI' }])
  })

  it('keeps only the newest finished jobs, and dismisses finished ones only', () => {
    let jobs = addStartedJob([], { jobId: 'run', kind: 'tmi' }, 'TMI')
    for (let i = 0; i < 8; i++) jobs = applyFinished(jobs, { jobId: `f${i}`, kind: 'demo', ok: true, message: '', download: null })
    expect(jobs.map((job) => job.jobId)).toEqual(['run', 'f3', 'f4', 'f5', 'f6', 'f7'])
    expect(dismissFinished(jobs, 'run')).toHaveLength(6)
    expect(dismissFinished(jobs, 'f7')).toHaveLength(5)
  })

  it('returns the done share, or null when the total is unknown', () => {
    expect(jobFraction({ done: 1, total: 4 })).toBe(0.25)
    expect(jobFraction({ done: 1, total: null })).toBeNull()
  })
})
