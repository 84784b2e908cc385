import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
    expect(runner.list().running).toContainEqual(expect.objectContaining({ jobId: started.jobId, kind: 'demo', total: 2000 }))
    expect(runner.cancel(started.jobId)).toBe(true)
    const finished = await runner.whenFinished(started.jobId)
    expect(finished).toMatchObject({ ok: false, message: expect.stringMatching(/^demo fill cancelled/), error: { code: 'Cancelled', message: expect.stringMatching(/^demo fill cancelled/) }, download: null })
    expect(runner.list().running.map((job) => job.jobId)).not.toContain(started.jobId)
    expect(runner.list().finished.at(-1)).toEqual(finished)
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

  it('reports a failing task as finished with ok false, its code and its message', async () => {
    const started = runner.start(database, { kind: 'tmi', gameId: 'no-such-game', windowSize: 5, algorithm: 'momentum-2' })
    await expect(runner.whenFinished(started.jobId)).resolves.toEqual({ jobId: started.jobId, kind: 'tmi', ok: false, message: 'game no-such-game not found', error: { code: 'NotFound', message: 'game no-such-game not found' }, download: null })
  })

  it('reports a malformed import file as InvalidInput naming the file, through job:finished too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-bad-import-'))
    try {
      const file = join(dir, 'bad-game.json')
      writeFileSync(file, '{"game": "this is not play-by-play"')
      const started = runner.start(database, { kind: 'import', paths: [file], computeTmi: false })
      const finished = await runner.whenFinished(started.jobId)
      expect(finished).toMatchObject({ ok: false, kind: 'import', error: { code: 'InvalidInput', message: expect.stringContaining(`1 failed: ${file}: `) } })
      expect(finished!.message).toBe(finished!.ok ? null : finished!.error.message)
      expect(events.filter((e) => e.event === 'job:finished' && (e.payload as JobFinished).jobId === started.jobId)).toEqual([{ event: 'job:finished', payload: finished }])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('JobRunner when the worker cannot run', () => {
  it('still finishes the job, with ok false and Internal', async () => {
    const events: unknown[] = []
    const runner = new JobRunner({ workerPath: '/nonexistent/job-worker.js', emit: (_event, payload) => events.push(payload) })
    const started = runner.start({ target: { dialect: 'sqlite', file: '/nonexistent.db', memory: false }, readonly: false }, { kind: 'backup' })
    await expect(runner.whenFinished(started.jobId)).resolves.toMatchObject({ ok: false, kind: 'backup', error: { code: 'Internal', message: expect.stringMatching(/^the backup job failed: .*job-worker\.js/) } })
    expect(events).toHaveLength(1)
  })
})

describe('JobRunner with errors that are not AppFailures, and workers that are stopped', () => {
  let testDb: TestDb
  const runner = new JobRunner({ workerPath: BUILT_WORKER, emit: () => undefined })
  beforeAll(async () => {
    testDb = await createTestDb('sqlite')
  })
  afterAll(async () => {
    await runner.shutdown()
    await testDb.cleanup()
  })

  it('keeps a plain error thrown in the worker as Internal, with its first line', async () => {
    // A worker given no target throws a TypeError (the runner's callers never do this); it logs the stack.
    const started = runner.start({ target: null as never, readonly: false }, { kind: 'backup' })
    await expect(runner.whenFinished(started.jobId)).resolves.toMatchObject({ ok: false, error: { code: 'Internal', message: expect.stringMatching(/^Cannot read properties of null/) } })
  })

  it('reports a job whose worker shutdown had to stop as Cancelled, not as a crash', async () => {
    const started = runner.start({ target: parseDatabaseSpec(testDb.spec), readonly: false }, { kind: 'demo', games: 5000, seed: 3 })
    const finished = runner.whenFinished(started.jobId)
    await runner.shutdown(0)
    await expect(finished).resolves.toMatchObject({ ok: false, error: { code: 'Cancelled' } })
  })
})
