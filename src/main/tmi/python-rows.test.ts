import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/connection'
import { openDatabase } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { migrate } from '../db/migrator'
import { buildPythonDatabase } from '../db/python-fixtures'
import { getGameEvents, storeEvents } from '../events/events.service'
import { listGames } from '../games/games.service'
import { cleanupOldData, getLatestTmi, getTmiHistory } from './tmi.service'

describe('services on a file the Python app wrote (smart_backend rows included)', () => {
  let dir: string
  let handle: DatabaseHandle
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-python-'))
    const file = join(dir, 'momentum_ml.db')
    buildPythonDatabase(file, 'smart-backend')
    handle = await openDatabase(parseDatabaseSpec(file))
    expect((await migrate(handle)).error).toBeNull()
  })
  afterAll(async () => {
    await handle.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('reads dict-repr contributions and T-form times', async () => {
    const latest = await getLatestTmi(handle, '0022500061', 'HOME')
    expect(latest).toMatchObject({ tmiValue: 0.1093, calculatedAt: '2025-10-25T15:21:23.878Z', rollingWindowSize: null })
    expect(latest!.featureContributions).toEqual({ points_scored: 0, fg_percentage: 0.0857, rebounds: 0.0236, turnovers: -0, fouls: -0 })
  })

  it('reads the original json.dumps rows, with -0.0 and 1e-05', async () => {
    const history = await getTmiHistory(handle, { gameId: 'concurrent_game_000', team: 'LAL' })
    expect(history.map((r) => r.id)).toEqual([4, 7])
    expect(history[1]!.featureContributions.fg_percentage).toBe(1e-5)
    expect(Object.is(history[1]!.featureContributions.turnovers, -0)).toBe(true)
  })

  it('lists the games with statistics from the Python rows', async () => {
    const page = await listGames(handle, { sort: 'game_id', direction: 'asc' })
    expect(page.games.map((g) => g.gameId)).toEqual(['0022500061', 'concurrent_game_000', 'integration_test_001', 'test_game_001'])
    expect(page.games[1]).toMatchObject({ eventCount: 2, homeScore: 0, awayScore: 2, latestTmiHome: 2.5e-6, latestTmiAway: 0 })
    expect(page.games[0]!.createdAt).toBe('2025-10-25T15:21:23.877Z')
  })

  it('orders events without clock_seconds last, by time, and re-stores them unchanged', async () => {
    const { events } = await getGameEvents(handle, { gameId: 'integration_test_001' })
    expect(events.map((e) => e.eventId)).toEqual(['int_event_001', 'int_event_002'])
    expect(events[0]).toMatchObject({ clockSeconds: null, timestamp: '2025-10-23T11:35:46.104Z' })
    const again = events.map(({ clockSeconds: _c, ...e }) => e)
    // clock_seconds and order numbers are new information: the rows are brought up to date once.
    expect(await storeEvents(handle, again)).toEqual({ stored: 0, unchanged: 0, updated: 2 })
    expect(await storeEvents(handle, again)).toEqual({ stored: 0, unchanged: 2, updated: 0 })
    const [first] = (await getGameEvents(handle, { gameId: 'integration_test_001' })).events
    expect(first).toMatchObject({ clockSeconds: 495, timestamp: '2025-10-23T11:35:46.104Z' })
    const stored = await handle.db.selectFrom('events').select('timestamp').where('event_id', '=', 'int_event_001').executeTakeFirstOrThrow()
    expect(stored.timestamp).toBe('2025-10-23 11:35:46.104512')
  })

  it('cleans up by time across text forms', async () => {
    const result = await cleanupOldData(handle, { keepTmi: 1, dryRun: true })
    expect(result.groups.find((g) => g.gameId === 'concurrent_game_000' && g.teamTricode === 'LAL')).toEqual({ gameId: 'concurrent_game_000', teamTricode: 'LAL', kept: 1, deleted: 1 })
  })
})
