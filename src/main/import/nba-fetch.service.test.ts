import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { getGame } from '../games/games.service'
import { countRows } from './import-test-db'
import { DEFAULT_NBA_BASE_URL, fetchGames, resolveBaseUrl, type FetchProgress } from './nba-fetch.service'
import { fixtureText, partialText } from './nba-test-fixtures'
import { sendJson, sendTruncated, startTestServer, type TestHandler, type TestServer } from './test-http-server'

const FAST = { retries: 3, backoffMs: 1, timeoutMs: 2_000 }

describe('resolveBaseUrl', () => {
  it('prefers the option, then MOMENTUM_NBA_BASE_URL, then the NBA CDN', () => {
    expect(resolveBaseUrl({ baseUrl: 'http://a/b/', env: { MOMENTUM_NBA_BASE_URL: 'http://env' } })).toBe('http://a/b')
    expect(resolveBaseUrl({ env: { MOMENTUM_NBA_BASE_URL: 'http://env/x' } })).toBe('http://env/x')
    expect(resolveBaseUrl({ env: {} })).toBe(DEFAULT_NBA_BASE_URL)
  })
})

describeEachDialect('fetchGames', (dialect) => {
  let testDb: TestDb
  let server: TestServer | null = null

  /** Serves fixtures as `/playbyplay_<id>.json`; `override` may answer a request instead. */
  async function serve(override?: (id: string, count: number) => ((res: Parameters<TestHandler>[1]) => void) | null): Promise<string> {
    server = await startTestServer((req, res, count) => {
      const id = /playbyplay_(\w+)\.json$/.exec(req.url ?? '')?.[1] ?? ''
      const answer = override?.(id, count)
      if (answer) return answer(res)
      try {
        sendJson(res, 200, fixtureText(id))
      } catch {
        sendJson(res, 404, 'missing')
      }
    })
    return server.baseUrl
  }

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
  })
  afterEach(async () => {
    await server?.close()
    server = null
    await testDb.cleanup()
  })

  it('downloads each game from <baseUrl>/playbyplay_<gameId>.json and imports it', async () => {
    const baseUrl = await serve()
    const summary = await fetchGames(testDb.handle, ['0022400718', '0022400762'], { ...FAST, baseUrl })
    expect(server!.requests).toEqual(['/playbyplay_0022400718.json', '/playbyplay_0022400762.json'])
    expect(summary).toMatchObject({ games: 2, eventsAdded: 1275, filesFailed: 0, polls: 1, cancelled: false })
    expect(await countRows(testDb.handle, 'events')).toBe(1275)
  })

  it('reads the base URL from MOMENTUM_NBA_BASE_URL', async () => {
    const baseUrl = await serve()
    const summary = await fetchGames(testDb.handle, ['0022000001'], { ...FAST, env: { MOMENTUM_NBA_BASE_URL: `${baseUrl}/` } })
    expect(summary.results[0]).toMatchObject({ source: `${baseUrl}/playbyplay_0022000001.json`, added: 610 })
  })

  it('retries two 500s and then imports the 200', async () => {
    const baseUrl = await serve((_id, count) => (count <= 2 ? (res) => sendJson(res, 500, 'down') : null))
    const progress: FetchProgress[] = []
    const summary = await fetchGames(testDb.handle, ['0022400718'], { ...FAST, baseUrl, onProgress: (p) => progress.push(p) })
    expect(summary).toMatchObject({ games: 1, eventsAdded: 627, filesFailed: 0 })
    expect(progress.map((p) => p.kind)).toEqual(['download', 'retry', 'retry', 'result'])
  })

  it('reports a 404 as "game X not found at URL" without retrying, storing nothing', async () => {
    const baseUrl = await serve()
    const summary = await fetchGames(testDb.handle, ['0022499999'], { ...FAST, baseUrl })
    const url = `${baseUrl}/playbyplay_0022499999.json`
    expect(summary.failures).toEqual([`game 0022499999 not found at ${url}`])
    expect(server!.requests).toHaveLength(1)
    expect(await countRows(testDb.handle, 'games')).toBe(0)
  })

  it('retries a truncated body, and reports one that stays truncated', async () => {
    const baseUrl = await serve((id, count) => (id === '0022000001' || count === 1 ? (res) => sendTruncated(res, fixtureText('0022400718')) : null))
    const summary = await fetchGames(testDb.handle, ['0022400718', '0022000001'], { ...FAST, retries: 2, baseUrl })
    expect(summary.results[0]).toMatchObject({ gameId: '0022400718', added: 627 })
    expect(summary.failures).toEqual([expect.stringMatching(/playbyplay_0022000001\.json: .+ \(gave up after 3 attempts\)$/)])
    expect(await countRows(testDb.handle, 'games')).toBe(1)
  })

  it('gives up on a server that hangs past the timeout', async () => {
    const baseUrl = await serve(() => () => undefined)
    const summary = await fetchGames(testDb.handle, ['0022400718'], { baseUrl, retries: 1, backoffMs: 1, timeoutMs: 100 })
    expect(summary.failures).toEqual([`${baseUrl}/playbyplay_0022400718.json: no complete answer within 100 ms (gave up after 2 attempts)`])
    expect(await countRows(testDb.handle, 'games')).toBe(0)
  })

  it('rejects a file that holds another game, and an id that is not one', async () => {
    const baseUrl = await serve((id) => (id === '0022400718' ? (res) => sendJson(res, 200, fixtureText('0022400762')) : null))
    const summary = await fetchGames(testDb.handle, ['0022400718', '../etc'], { ...FAST, baseUrl })
    expect(summary.failures).toEqual([
      'game "../etc": not a valid game id',
      `${baseUrl}/playbyplay_0022400718.json: holds game 0022400762, not 0022400718`,
    ])
    expect(server!.requests).toHaveLength(1)
  })

  it('follows a live game until it is final', async () => {
    const baseUrl = await serve((_id, count) => (count <= 2 ? (res) => sendJson(res, 200, partialText('0022400718', 150 * count)) : null))
    const progress: FetchProgress[] = []
    const summary = await fetchGames(testDb.handle, ['0022400718'], { ...FAST, baseUrl, follow: true, pollIntervalMs: 5, onProgress: (p) => progress.push(p) })
    expect(summary.polls).toBe(3)
    expect(summary.results.map((r) => [r.status, r.added, r.unchanged])).toEqual([
      ['Live', 150, 0],
      ['Live', 150, 150],
      ['Final', 327, 300],
    ])
    expect(progress.filter((p) => p.kind === 'wait')).toHaveLength(2)
    expect((await getGame(testDb.handle, '0022400718')).status).toBe('Final')
    expect(await countRows(testDb.handle, 'events')).toBe(627)
  })

  it('keeps following through a failed poll', async () => {
    const baseUrl = await serve((_id, count) => (count === 1 ? (res) => sendJson(res, 404, 'not yet') : null))
    const summary = await fetchGames(testDb.handle, ['0022400718'], { ...FAST, baseUrl, follow: true, pollIntervalMs: 5 })
    expect(summary).toMatchObject({ polls: 2, filesFailed: 1, games: 1, eventsAdded: 627 })
  })

  it('stops following when the signal fires', async () => {
    const baseUrl = await serve(() => (res) => sendJson(res, 200, partialText('0022400718', 100)))
    const controller = new AbortController()
    const summary = await fetchGames(testDb.handle, ['0022400718'], {
      ...FAST,
      baseUrl,
      follow: true,
      pollIntervalMs: 60_000,
      signal: controller.signal,
      onProgress: (p) => p.kind === 'wait' && controller.abort(),
    })
    expect(summary).toMatchObject({ cancelled: true, polls: 1, eventsAdded: 100 })
  })
})
