import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../shared/api/result'
import type { JobFinished, JobProgress, JobsSnapshot, JobStarted } from '../../shared/domain/admin'
import { parseDatabaseSpec } from '../db/database-target'
import type { Dialect } from '../db/connection'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { fixturePath } from '../import/nba-test-fixtures'
import { CONTENT_SECURITY_POLICY } from './http-security'
import { callApi, collectEvents, rawRequest, type StreamEvent } from './http-test-client'
import { BUILT_WORKER } from './ipc-test-context'
import { startServeApp, type ServeApp } from './serve-app'

const INDEX_HTML = '<!doctype html><title>MomentumML</title>'

function staticFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'momentum-static-'))
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true })
  writeFileSync(join(dir, 'renderer', 'index.html'), INDEX_HTML)
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser')
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'renderer', 'assets', 'link.js'))
  return dir
}

async function serve(testDb: TestDb, dir: string, token: string | null = null): Promise<ServeApp> {
  return startServeApp({ target: parseDatabaseSpec(testDb.spec), isDefaultTarget: false, host: '127.0.0.1', port: 0, token, staticDir: join(dir, 'renderer'), workerPath: BUILT_WORKER, recentFile: null, maxUploadBytes: 4 * 1024 * 1024, log: () => undefined })
}

/** A serve app on a fresh database for one describe block; read `app` etc. inside tests. */
function serveForSuite(dialect: Dialect, token: string | null = null) {
  const suite = {} as { testDb: TestDb; dir: string; app: ServeApp }
  beforeAll(async () => {
    suite.testDb = await createTestDb(dialect)
    suite.dir = staticFolder()
    suite.app = await serve(suite.testDb, suite.dir, token)
  })
  afterAll(async () => {
    await suite.app.close()
    await suite.testDb.cleanup()
    rmSync(suite.dir, { recursive: true, force: true })
  })
  return suite
}

describeEachDialect('momentum serve over HTTP', (dialect) => {
  const suite = serveForSuite(dialect)

  it('binds loopback on the port it was given (0 = any) and answers a call with a Result', async () => {
    expect(suite.app.url).toBe(`http://127.0.0.1:${suite.app.port}/`)
    const response = await callApi(suite.app.port, 'db:current', {})
    expect(response.status).toBe(200)
    expect(response.json<Result<{ dialect: string }>>()).toMatchObject({ ok: true, value: { dialect } })
  })

  it.each([
    ['games:get', { gameId: 7 }],
    ['games:list', { limit: 0 }],
    ['db:current', { extra: true }],
    ['nope:never', {}],
  ])('answers bad input to %s with 400 and InvalidInput', async (channel, input) => {
    const response = await callApi(suite.app.port, channel, input)
    expect(response.status).toBe(400)
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'InvalidInput' } })
  })

  it('refuses bodies that are not JSON, and non-JSON content types', async () => {
    expect((await rawRequest(suite.app.port, '/api/call/db:current', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' })).status).toBe(400)
    expect((await rawRequest(suite.app.port, '/api/call/admin:drop', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"confirm":"DROP"}' })).status).toBe(415)
    expect((await callApi(suite.app.port, 'games:get', { gameId: 'missing' })).status).toBe(404)
  })

  it('serves the health report JSON', async () => {
    const response = await rawRequest(suite.app.port, '/api/health')
    expect(response.status).toBe(200)
    expect(response.json()).toMatchObject({ ok: true, dialect, pendingMigrations: [] })
  })

  it('pushes job progress and the finished job over server-sent events', async () => {
    let jobId = ''
    const stream = collectEvents(suite.app.port, (events) => events.some((e) => e.event === 'job:finished' && (e.data as JobFinished).jobId === jobId))
    await stream.opened
    const started = (await callApi(suite.app.port, 'demo:fill', { games: 3, seed: 11 })).json<Result<JobStarted>>()
    if (!started.ok) throw new Error(started.error.message)
    jobId = started.value.jobId
    const events = await stream.done
    expect(events.some((e) => e.event === 'job:progress' && (e.data as { jobId: string }).jobId === jobId)).toBe(true)
    expect(events.find((e) => e.event === 'job:finished')?.data).toMatchObject({ jobId, ok: true, kind: 'demo' })
    expect(events.some((e) => e.event === 'db:changed')).toBe(true)
  })

  it('imports an uploaded file and hands an export back as a download', async () => {
    const upload = await rawRequest(suite.app.port, '/api/uploads', { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('../../0022400718 game.json') }, body: readFileSync(fixturePath('0022400718')) })
    const { fileId } = upload.json<{ ok: true; value: { fileId: string } }>().value
    const job = (await callApi(suite.app.port, 'import:files', { fileIds: [fileId] })).json<{ value: JobStarted }>().value
    await expect(suite.app.services.jobs.whenFinished(job.jobId)).resolves.toMatchObject({ ok: true, message: expect.stringMatching(/^imported 1 game \(/) })
    const exported = (await callApi(suite.app.port, 'export:tmi', { gameId: '0022400718' })).json<{ value: JobStarted }>().value
    const finished = await suite.app.services.jobs.whenFinished(exported.jobId)
    expect(finished).toMatchObject({ ok: true, download: expect.stringMatching(/^\/api\/downloads\/[0-9a-f-]{36}$/) })
    const download = await rawRequest(suite.app.port, finished!.download!)
    expect(download.status).toBe(200)
    expect(download.headers['content-disposition']).toBe('attachment; filename="tmi-0022400718.csv"')
    expect(download.text.split('\n').length).toBeGreaterThan(10)
    expect((await rawRequest(suite.app.port, '/api/downloads/00000000-0000-0000-0000-000000000000')).status).toBe(404)
  })

  it('reports a bad upload under the name the user gave, never the server temp path', async () => {
    const upload = await rawRequest(suite.app.port, '/api/uploads', { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('my bad game.json') }, body: Buffer.from('{"game": ') })
    const { fileId } = upload.json<{ ok: true; value: { fileId: string } }>().value
    const job = (await callApi(suite.app.port, 'import:files', { fileIds: [fileId] })).json<{ value: JobStarted }>().value
    const finished = await suite.app.services.jobs.whenFinished(job.jobId)
    expect(finished).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringContaining('1 failed: my bad game.json: ') } })
    expect(finished!.message).toMatch(/^imported 0 games \(0 events added/)
    expect(finished!.message).not.toMatch(/momentum-serve-|upload-/)
  })

  it('refuses an upload over the size cap', async () => {
    const response = await rawRequest(suite.app.port, '/api/uploads', { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'big.json' }, body: Buffer.alloc(5 * 1024 * 1024) })
    expect(response.status).toBe(413)
  })

  it('serves the built renderer with the CSP header', async () => {
    for (const path of ['/', '/assets/app.js', '/games/0022400718']) {
      const response = await rawRequest(suite.app.port, path)
      expect(response.status, path).toBe(200)
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(response.headers['x-content-type-options']).toBe('nosniff')
    }
    expect((await rawRequest(suite.app.port, '/missing.js')).status).toBe(404)
  })

  it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5csecret.txt', '/assets/link.js', '/%00index.html'])('never serves a file outside the renderer folder for %s', async (path) => {
    const response = await rawRequest(suite.app.port, path)
    // Either refused, or (when URL parsing folds the dots back inside) the app page itself.
    if (response.status === 200) expect(response.text).toBe(INDEX_HTML)
    else expect([403, 404]).toContain(response.status)
    expect(response.text).not.toContain('not for the browser')
  })

  it('refuses calls from another origin and Host headers of other names (DNS rebinding)', async () => {
    expect((await callApi(suite.app.port, 'db:current', {}, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await callApi(suite.app.port, 'db:current', {}, { host: `evil.example:${suite.app.port}` })).status).toBe(403)
    expect((await callApi(suite.app.port, 'db:current', {}, { origin: `http://127.0.0.1:${suite.app.port}` })).status).toBe(200)
  })
})

describe('momentum serve event stream across a reconnect', () => {
  const suite = serveForSuite('sqlite')

  const sequenceOf = (id: string | undefined) => Number(id?.split('-')[1])
  const finishOf = (jobId: string) => (e: StreamEvent) => e.event === 'job:finished' && (e.data as JobFinished).jobId === jobId

  it('replays a job:finished sent while the page was away, exactly once, to a reconnect with Last-Event-ID', async () => {
    let jobId = ''
    const first = collectEvents(suite.app.port, (events) => events.some((e) => e.event === 'job:progress' && (e.data as JobProgress).jobId === jobId))
    await first.opened
    const started = (await callApi(suite.app.port, 'demo:fill', { games: 4000, seed: 21 })).json<Result<JobStarted>>()
    if (!started.ok) throw new Error(started.error.message)
    jobId = started.value.jobId
    const done = suite.app.services.jobs.whenFinished(jobId)!
    // The stream closes after the job's first progress; the job then ends (cancelled) while no page listens.
    const seen = await first.done
    expect(seen[0]).toMatchObject({ event: 'resync', data: { reason: 'new' } })
    expect(seen.some(finishOf(jobId))).toBe(false)
    const lastId = seen.at(-1)!.id!
    expect((await callApi(suite.app.port, 'jobs:cancel', { jobId })).json()).toEqual({ ok: true, value: { cancelled: true } })
    const finished = await done
    expect(finished).toMatchObject({ ok: false, error: { code: 'Cancelled', message: expect.stringMatching(/^demo fill cancelled/) } })

    let firstFinishAt = 0
    const second = collectEvents(
      suite.app.port,
      (events) => {
        if (firstFinishAt === 0 && events.some(finishOf(jobId))) firstFinishAt = Date.now()
        return firstFinishAt > 0 && Date.now() - firstFinishAt > 300
      },
      { 'last-event-id': lastId },
    )
    const replayed = await second.done
    expect(replayed.filter(finishOf(jobId)).map((e) => e.data)).toEqual([finished])
    expect(replayed.some((e) => e.event === 'resync')).toBe(false)
    // Exactly the events after lastId, in order: none repeated, none skipped.
    expect(replayed.map((e) => sequenceOf(e.id))).toEqual(replayed.map((_e, i) => sequenceOf(lastId) + 1 + i))

    const jobs = (await callApi(suite.app.port, 'jobs:list', {})).json<Result<JobsSnapshot>>()
    expect(jobs).toMatchObject({ ok: true, value: { running: [] } })
    expect(jobs.ok && jobs.value.finished.at(-1)).toEqual(finished)
  })

  it('asks a page with an id from another server run, or a made-up one, to resync from now', async () => {
    for (const lastEventId of ['0badc0de-3', 'not-an-id', `${'9'.repeat(40)}`]) {
      const events = await collectEvents(suite.app.port, (list) => list.length > 0, { 'last-event-id': lastEventId }).done
      expect(events[0], lastEventId).toMatchObject({ event: 'resync', data: { reason: 'unknown' }, id: expect.stringMatching(/^[0-9a-f]{8}-\d+$/) })
    }
  })
})

describe('momentum serve with a token', () => {
  const token = 'correct-horse-battery-staple'
  const suite = serveForSuite('sqlite', token)

  it('refuses a non-loopback host without a token', async () => {
    await expect(startServeApp({ target: parseDatabaseSpec(suite.testDb.spec), isDefaultTarget: false, host: '0.0.0.0', port: 0, token: null, staticDir: suite.dir, workerPath: BUILT_WORKER, recentFile: null })).rejects.toThrow(/needs a token/)
  })

  it('answers 401 to API calls and events without the bearer token or cookie', async () => {
    const missing = await callApi(suite.app.port, 'db:current', {})
    expect(missing.status).toBe(401)
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized', message: expect.stringMatching(/token is required/) } })
    const wrong = await callApi(suite.app.port, 'db:current', {}, { authorization: 'Bearer wrong-token' })
    expect(wrong.status).toBe(401)
    expect(wrong.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized' } })
    expect((await rawRequest(suite.app.port, '/api/events')).status).toBe(401)
    expect((await rawRequest(suite.app.port, '/api/health')).status).toBe(401)
    expect((await callApi(suite.app.port, 'db:current', {}, { authorization: `Bearer ${token}` })).status).toBe(200)
  })

  it('sets an HttpOnly, SameSite=Strict cookie once /?token= is visited, and accepts it', async () => {
    expect((await rawRequest(suite.app.port, '/?token=wrong')).status).toBe(401)
    const visit = await rawRequest(suite.app.port, `/?token=${token}`)
    expect(visit.status).toBe(303)
    expect(visit.headers.location).toBe('/')
    const cookie = visit.headers['set-cookie']![0]!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const response = await callApi(suite.app.port, 'db:current', {}, { cookie: cookie.split(';')[0]! })
    expect(response.status).toBe(200)
  })
})
