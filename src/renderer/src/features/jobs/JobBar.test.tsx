// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { JobFinished, JobsSnapshot } from '@shared/domain/admin'
import { render, type Rendered } from '../../test/render'

/** The preload's window.api, driven by the test: it answers calls and pushes main's events. */
const listeners = new Map<string, Set<(payload: unknown) => void>>()
const calls: string[] = []
let snapshot: JobsSnapshot = { running: [], finished: [] }
;(window as { api?: unknown }).api = {
  invoke: async (channel: string) => {
    calls.push(channel)
    return channel === 'jobs:list' ? { ok: true, value: snapshot } : { ok: true, value: { cancelled: true } }
  },
  on: (event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, (listeners.get(event) ?? new Set()).add(listener))
    return () => listeners.get(event)?.delete(listener)
  },
}
const push = (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload))

// Imported after window.api exists: api.ts picks its transport once, at load.
const store = await import('./job-store')
const { JobBar } = await import('./JobBar')
const { errorStore } = await import('../../lib/error-store')
const { act } = await import('react')

const failure = (jobId: string, code: 'InvalidInput' | 'Cancelled', message: string): JobFinished => ({ jobId, kind: 'import', ok: false, message, error: { code, message }, download: null })
const started = (jobId: string) => Promise.resolve({ ok: true as const, value: { jobId, kind: 'import' as const } })

describe('the job status bar and store', () => {
  let view: Rendered | null = null
  let stop = (): void => undefined
  beforeAll(() => {
    // A job started before the page listened, whose end the page never got pushed.
    snapshot = { running: [], finished: [failure('missed', 'InvalidInput', 'imported 0 games; 1 failed: /data/missed.json: not JSON')] }
  })
  afterEach(() => view?.unmount())

  it('re-reads jobs:list when it starts listening, ending a job whose push it missed', async () => {
    const running = store.runJob('Import missed', started('missed'))
    stop = store.listenForJobs()
    await expect(running).resolves.toMatchObject({ jobId: 'missed', ok: false })
    expect(calls).toEqual(['jobs:list'])
    expect(store.jobStore.get().find((job) => job.jobId === 'missed')).toMatchObject({ state: 'failed', error: { code: 'InvalidInput' } })
  })

  it('shows a failed job with main\'s code in the bar and on a banner', async () => {
    const message = 'imported 0 games (0 events added, 0 updated, 0 unchanged); 1 failed: /tmp/x/bad-game.json: not JSON'
    const running = store.runJob('Import 1 file', started('bad'))
    await act(async () => undefined)
    act(() => push('job:finished', failure('bad', 'InvalidInput', message)))
    await running
    expect(errorStore.get().at(-1)).toMatchObject({ context: 'Import 1 file', code: 'InvalidInput', message })
    view = render(<JobBar />)
    const status = view.container.querySelector('[role="status"]')!
    expect(status.className).toContain('job-failed')
    expect(status.textContent).toContain('✕')
    expect(status.querySelector('.job-code')?.textContent).toBe('InvalidInput')
    expect(status.textContent).toContain('bad-game.json')
  })

  it('shows a cancelled job as cancelled, without an error banner, and applies a repeated end once', async () => {
    const errorsBefore = errorStore.get().length
    const running = store.runJob('Import 40 files', started('stopped'))
    await act(async () => undefined)
    const end = failure('stopped', 'Cancelled', 'import cancelled; imported 12 games')
    act(() => push('job:finished', end))
    await expect(running).resolves.toEqual(end)
    expect(errorStore.get()).toHaveLength(errorsBefore)
    view = render(<JobBar />)
    const status = view.container.querySelector('[role="status"]')!
    expect(status.className).toContain('job-cancelled')
    expect(status.textContent).toContain('⊘')
    expect(status.querySelector('.job-code')?.textContent).toBe('Cancelled')
    // A later job ends, then the first end arrives again (a replay overlapping a resync): ignored.
    act(() => {
      push('job:finished', { jobId: 'later', kind: 'tmi', ok: true, message: 'computed', download: null })
      push('job:finished', end)
    })
    expect(store.jobStore.get().map((job) => job.jobId).slice(-2)).toEqual(['stopped', 'later'])
    expect(view.container.querySelector('[role="status"]')?.textContent).toContain('✓')
    stop()
  })
})
