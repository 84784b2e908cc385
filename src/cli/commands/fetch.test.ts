import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { createTestDb, describeEachDialect, type TestDb } from '../../main/db/test-db'
import { getGame } from '../../main/games/games.service'
import { countRows } from '../../main/import/import-test-db'
import { fixtureDoc, fixtureText, partialText } from '../../main/import/nba-test-fixtures'
import { sendJson, startTestServer, type TestServer } from '../../main/import/test-http-server'
import { cliEnv, ensureCliBuilt, errorLine, makeTempDir, parseJson, runCli, startCli } from '../cli-test-helpers'
import { countSoFar, INTERRUPTED, waitFor } from './data-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir, { MOMENTUM_NBA_BASE_URL: undefined })
const ACTIONS_718 = fixtureDoc('0022400718').game.actions.length
const ACTIONS_762 = fixtureDoc('0022400762').game.actions.length

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describeEachDialect('momentum fetch', (dialect) => {
  let testDb: TestDb
  let server: TestServer

  /** Serves fixtures/nba as `/pbp/playbyplay_<id>.json`; `first` answers a game's first request instead. */
  async function serve(first: Record<string, string> = {}): Promise<void> {
    const asked = new Map<string, number>()
    server = await startTestServer((req, res) => {
      const id = /^\/pbp\/playbyplay_(\w+)\.json$/.exec(req.url ?? '')?.[1] ?? ''
      asked.set(id, (asked.get(id) ?? 0) + 1)
      if (asked.get(id) === 1 && first[id] !== undefined) return sendJson(res, 200, first[id])
      try {
        sendJson(res, 200, fixtureText(id))
      } catch {
        sendJson(res, 404, '{"message":"not found"}')
      }
    })
  }

  beforeEach(async () => {
    testDb = await createTestDb(dialect, { migrated: false })
  })
  afterEach(async () => {
    await server?.close()
    await testDb.cleanup()
  })

  it('downloads each game from --base-url and imports it with TMI', async () => {
    await serve()
    const run = await runCli(['fetch', '0022400718', '0022400762', '--base-url', `${server.baseUrl}/pbp`, '--db', testDb.spec, '--json'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({
      command: 'fetch',
      ok: true,
      baseUrl: `${server.baseUrl}/pbp`,
      follow: false,
      polls: 1,
      games: 2,
      eventsAdded: ACTIONS_718 + ACTIONS_762,
      filesFailed: 0,
      tmi: { computed: 2, replaced: 0, skippedExisting: 0 },
    })
    expect(server.requests).toEqual(['/pbp/playbyplay_0022400718.json', '/pbp/playbyplay_0022400762.json'])
    expect(await countRows(testDb.handle, 'events')).toBe(ACTIONS_718 + ACTIONS_762)
  })

  it('takes the base URL from MOMENTUM_NBA_BASE_URL and exits 1 on a 404, keeping the other game', async () => {
    await serve()
    const run = await runCli(['fetch', '0022400718', '0029999999', '--no-tmi', '--db', testDb.spec], { ...env, MOMENTUM_NBA_BASE_URL: `${server.baseUrl}/pbp` })
    expect(run.code).toBe(1)
    const url = `${server.baseUrl}/pbp/playbyplay_0029999999.json`
    expect(errorLine(run)).toBe(`momentum: game 0029999999 not found at ${url}`)
    expect(run.stdout).toContain(`Fetched 1 download into `)
    expect(run.stdout).toContain(`: 1 game, ${ACTIONS_718} events added, 0 unchanged, 0 updated; 1 download failed.`)
    expect(run.stdout).toContain(`  FAILED  ${url}`)
    expect(await countRows(testDb.handle, 'games')).toBe(1)
    expect(await countRows(testDb.handle, 'tmi_calculations')).toBe(0)
  })

  it('with --follow polls a live game until it is final and replaces its TMI', async () => {
    await serve({ '0022400718': partialText('0022400718', 120) })
    const run = await runCli(['fetch', '0022400718', '--follow', '--interval', '0.05', '--base-url', `${server.baseUrl}/pbp`, '--db', testDb.spec], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^poll 1: 0022400718 {2}Live +120 added, 0 unchanged, 0 updated {2}http/m)
    expect(run.stdout).toMatch(new RegExp(`^poll 2: 0022400718  Final +${ACTIONS_718 - 120} added, 120 unchanged, 0 updated  http`, 'm'))
    expect(run.stdout).toContain(`1 game, ${ACTIONS_718} events added, 120 unchanged, 0 updated; 0 downloads failed.`)
    expect(run.stdout).toMatch(/^TMI: 1 computed, 1 replaced, 0 unchanged \(kept\);/m)
    expect(server.requests).toHaveLength(2)
    expect((await getGame(testDb.handle, '0022400718')).status).toBe('Final')
  })

  it('stops a --follow run on Ctrl-C while it waits, reports what it stored and exits 130', async () => {
    const live = partialText('0022400718', 80)
    server = await startTestServer((_req, res) => sendJson(res, 200, live))
    const { child, done } = startCli(['fetch', '0022400718', '--follow', '--interval', '600', '--base-url', server.baseUrl, '--db', testDb.spec, '--json'], env)
    await waitFor('the first poll to be stored', async () => (await countSoFar(testDb.handle, 'events')) === 80)
    await waitFor('TMI of the first poll', async () => (await countSoFar(testDb.handle, 'tmi_calculations')) > 0)
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(130)
    expect(errorLine(run)).toMatch(INTERRUPTED)
    expect(parseJson(run)).toMatchObject({ command: 'fetch', ok: false, cancelled: true, polls: 1, eventsAdded: 80 })
    expect(server.requests).toHaveLength(1)
  })

  it('rejects a --base-url that is not http(s) and a bad --interval as usage errors', async () => {
    const bad = await runCli(['fetch', '0022400718', '--base-url', 'ftp://example.test', '--db', testDb.spec], env)
    expect(bad.code).toBe(2)
    expect(errorLine(bad)).toContain('expected an http:// or https:// URL')
    const interval = await runCli(['fetch', '0022400718', '--follow', '--interval', '0', '--db', testDb.spec], env)
    expect(interval.code).toBe(2)
    expect(errorLine(interval)).toContain('expected a number of seconds > 0')
  })
})
