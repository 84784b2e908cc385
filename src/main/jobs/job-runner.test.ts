import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { MainEventName } from '../../shared/api/events'
import type { JobFinished, JobProgress } from '../../shared/domain/admin'
import { parseDatabaseSpec } from '../db/database-target'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { FIXTURE_IDS, fixturePath } from '../import/nba-test-fixtures'
import { BUILT_WORKER } from '../ipc/ipc-test-context'
import type { WorkerDatabase } from '../session/database-session'
import { JobRunner } from './job-runner'

describeEachDialect('JobRunner with a real worker thread', (dialect) => {
  let testDb: TestDb
  let database: WorkerDatabase
  const events: Array<{ event: MainEventName; payload: unknown }> = []
  const finishedHooks: JobFinished[] = []
  const runner = new JobRunner({ workerPath: BUILT_WORKER, emit: (event, payload) => events.push({ event, payload }), onFinished: (finished) => void finishedHooks.push(finished) })

  beforeAll(async () => {
    testDb = await createTestDb(dialect)
    database = { target: parseDatabaseSpec(testDb.spec), readonly: false }
  })
  afterAll(async () => {
    await runner.shutdown()
    await testDb.cleanup()
  })

  it('imports the fixture games in the worker and reports progress per file', async () => {
    const started = runner.start(database, { kind: 'import', paths: FIXTURE_IDS.map(fixturePath), computeTmi: false })
    const finished = await runner.whenFinished(started.jobId)
    expect(finished).toMatchObject({ jobId: started.jobId, kind: 'import', ok: true, message: 'imported 3 games (1885 events added, 0 updated, 0 unchanged)', download: null })
    const progress = events.filter((e) => e.event === 'job:progress').map((e) => e.payload as JobProgress)
    expect(progress.at(-1)).toMatchObject({ jobId: started.jobId, done: 3, total: 3 })
    expect(events.at(-1)).toEqual({ event: 'job:finished', payload: finished })
    expect(finishedHooks).toContainEqual(finished)
    const count = await testDb.handle.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1885)
  })

  it('cancels a long job inside the worker, keeping what was written whole', async () => {
    const started = runner.start(database, { kind: 'demo', games: 2000, seed: 5 })
    const progressOf = () => events.filter((e) => e.event === 'job:progress' && (e.payload as JobProgress).jobId === started.jobId)
    await vi.waitFor(() => expect(progressOf().length).toBeGreaterThan(0), { timeout: 20_000 })
    expect(runner.cancel(started.jobId)).toBe(true)
    const finished = await runner.whenFinished(started.jobId)
    expect(finished).toMatchObject({ ok: false, message: expect.stringMatching(/^demo fill cancelled/) })
    const demoGames = await testDb.handle.db.selectFrom('games').select((eb) => eb.fn.countAll<number>().as('n')).where('game_id', 'like', '002249%').executeTakeFirstOrThrow()
    // Whole batches only: at least the one reported, far fewer than asked for.
    expect(Number(demoGames.n)).toBeGreaterThanOrEqual((progressOf()[0]!.payload as JobProgress).done)
    expect(Number(demoGames.n)).toBeLessThan(2000)
    expect(runner.running).toBe(0)
  })

  it('runs one writer at a time and refuses writes on a read-only database', async () => {
    const first = runner.start(database, { kind: 'demo', games: 2, seed: 9 })
    expect(() => runner.start(database, { kind: 'cleanup', keepTmi: 1 })).toThrow(expect.objectContaining({ code: 'Conflict' }))
    await runner.whenFinished(first.jobId)
    expect(() => runner.start({ ...database, readonly: true }, { kind: 'import', paths: [], computeTmi: false })).toThrow(expect.objectContaining({ code: 'ReadOnly' }))
  })

  it('reports a failing task as finished with ok false and its message', async () => {
    const started = runner.start(database, { kind: 'tmi', gameId: 'no-such-game', windowSize: 5, algorithm: 'momentum-2' })
    await expect(runner.whenFinished(started.jobId)).resolves.toMatchObject({ ok: false, message: 'game no-such-game not found' })
  })
})

describe('JobRunner when the worker cannot run', () => {
  it('still finishes the job, with ok false', async () => {
    const events: unknown[] = []
    const runner = new JobRunner({ workerPath: '/nonexistent/job-worker.js', emit: (_event, payload) => events.push(payload) })
    const started = runner.start({ target: { dialect: 'sqlite', file: '/nonexistent.db', memory: false }, readonly: false }, { kind: 'backup' })
    await expect(runner.whenFinished(started.jobId)).resolves.toMatchObject({ ok: false, kind: 'backup' })
    expect(events).toHaveLength(1)
  })
})
