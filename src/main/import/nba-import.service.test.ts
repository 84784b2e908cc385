import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { storeEvents } from '../events/events.service'
import { createOrUpdateGame, getGame } from '../games/games.service'
import { countRows, hashRows, makeTempDir } from './import-test-db'
import { importFiles, type ImportProgress } from './nba-import.service'
import { action, FIXTURE_DIR, FIXTURE_IDS, fixtureDoc, fixturePath, liveText, partialText } from './nba-test-fixtures'

describeEachDialect('importFiles', (dialect) => {
  let testDb: TestDb
  let temp: ReturnType<typeof makeTempDir>
  const write = (name: string, text: string): string => {
    const file = join(temp.dir, name)
    writeFileSync(file, text)
    return file
  }

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
    temp = makeTempDir()
  })
  afterEach(async () => {
    await testDb.cleanup()
    temp.remove()
  })

  it('imports the three real games with all their actions', async () => {
    const summary = await importFiles(testDb.handle, FIXTURE_IDS.map(fixturePath))
    expect(summary).toMatchObject({ games: 3, eventsAdded: 1885, eventsUnchanged: 0, eventsUpdated: 0, filesFailed: 0, failures: [], cancelled: false })
    expect(summary.results.map((r) => [r.gameId, r.status, r.added])).toEqual([
      ['0022000001', 'Final', 610],
      ['0022400718', 'Final', 627],
      ['0022400762', 'Final OT', 648],
    ])
    expect(await getGame(testDb.handle, '0022400762')).toMatchObject({ homeTeam: 'DAL', awayTeam: 'SAC', gameDate: '2025-02-10', status: 'Final OT' })
    const stoppage = await testDb.handle.db.selectFrom('events').selectAll().where('event_type', '=', 'stoppage').orderBy('order_number').executeTakeFirstOrThrow()
    expect(stoppage).toMatchObject({ game_id: '0022000001', team_tricode: '---', description: null, clock: expect.stringMatching(/^PT/) })
    expect(await countRows(testDb.handle, 'events')).toBe(1885)
  })

  it('changes nothing when the same files are imported again', async () => {
    await importFiles(testDb.handle, [FIXTURE_DIR])
    const before = await hashRows(testDb.handle)
    const again = await importFiles(testDb.handle, [FIXTURE_DIR])
    expect(again).toMatchObject({ games: 3, eventsAdded: 0, eventsUnchanged: 1885, eventsUpdated: 0, filesFailed: 0 })
    expect(await hashRows(testDb.handle)).toBe(before)
  })

  it('adds what is new and updates what was edited as a live game grows', async () => {
    const partial = write('live.json', partialText('0022400718', 300))
    const first = await importFiles(testDb.handle, [partial])
    expect(first.results[0]).toMatchObject({ status: 'Live', added: 300, unchanged: 0, updated: 0 })
    expect((await getGame(testDb.handle, '0022400718')).status).toBe('Live')

    const full = await importFiles(testDb.handle, [fixturePath('0022400718')])
    expect(full.results[0]).toMatchObject({ status: 'Final', added: 327, unchanged: 300, updated: 0 })
    expect((await getGame(testDb.handle, '0022400718')).status).toBe('Final')

    const doc = fixtureDoc('0022400718')
    const edited = doc.game.actions.find((a) => a.actionNumber === 7)!
    edited.description = 'E. Mobley 25\' 3PT Jump Shot (3 PTS) (corrected)'
    const again = await importFiles(testDb.handle, [write('edited.json', JSON.stringify(doc))])
    expect(again.results[0]).toMatchObject({ added: 0, unchanged: 626, updated: 1 })
    const row = await testDb.handle.db.selectFrom('events').select('description').where('event_id', '=', '0022400718-7').executeTakeFirstOrThrow()
    expect(row.description).toBe(edited.description)
  })

  it('fills in the sides once the first version had no score yet', async () => {
    await importFiles(testDb.handle, [write('early.json', partialText('0022400718', 2))])
    expect(await getGame(testDb.handle, '0022400718')).toMatchObject({ homeTeam: '---', awayTeam: '---' })
    await importFiles(testDb.handle, [fixturePath('0022400718')])
    expect(await getGame(testDb.handle, '0022400718')).toMatchObject({ homeTeam: 'DET', awayTeam: 'CLE' })
  })

  it('imports every .json file of a directory and only those', async () => {
    const dir = join(temp.dir, 'games')
    mkdirSync(dir)
    for (const id of FIXTURE_IDS.slice(0, 2)) copyFileSync(fixturePath(id), join(dir, `${id}.json`))
    writeFileSync(join(dir, 'notes.txt'), 'not a game')
    const summary = await importFiles(testDb.handle, [dir])
    expect(summary.results.map((r) => r.source)).toEqual(FIXTURE_IDS.slice(0, 2).map((id) => join(dir, `${id}.json`)))
    expect(summary.games).toBe(2)
  })

  it('reports each bad file on one line, stores nothing of it and still imports the others', async () => {
    const doc = fixtureDoc('0022400762')
    doc.game.actions[100]!.scoreHome = 'twelve'
    const badScore = write('bad-score.json', JSON.stringify(doc))
    const notJson = write('not-json.json', '{"game": {"gameId": "1"')
    const noActions = write('no-actions.json', '{"game": {"gameId": "0099900001", "actions": "none"}}')
    const missing = join(temp.dir, 'missing.json')
    const summary = await importFiles(testDb.handle, [badScore, fixturePath('0022000001'), notJson, noActions, missing, temp.dir + '/empty-dir-does-not-exist'])
    const badNumber = doc.game.actions[100]!.actionNumber
    expect(summary.failures).toEqual([
      `${badScore}: action ${badNumber}: scoreHome is "twelve", expected a score (digits)`,
      expect.stringMatching(new RegExp(`^${notJson.replace(/[.]/g, '\\.')}: not valid JSON \\(.+\\)$`)),
      `${noActions}: game.actions is "none", expected an array`,
      `${missing}: does not exist`,
      `${temp.dir}/empty-dir-does-not-exist: does not exist`,
    ])
    expect(summary).toMatchObject({ games: 1, eventsAdded: 610, filesFailed: 5 })
    expect(summary.failures.every((line) => !line.includes('\n'))).toBe(true)
    const games = await testDb.handle.db.selectFrom('games').select('game_id').execute()
    expect(games.map((g) => g.game_id)).toEqual(['0022000001'])
  })

  it('reports a directory without .json files', async () => {
    const summary = await importFiles(testDb.handle, [temp.dir])
    expect(summary.failures).toEqual([`${temp.dir}: no .json files in this directory`])
  })

  it('leaves no game row behind when storing the events fails', async () => {
    await createOrUpdateGame(testDb.handle, { gameId: 'other', homeTeam: 'AAA', awayTeam: 'BBB', gameDate: '2025-01-01', status: 'Final' })
    await storeEvents(testDb.handle, [{ eventId: '0099900001-1', gameId: 'other', teamTricode: 'AAA', eventType: 'rebound', clock: 'PT11M00.00S', period: 1 }])
    const file = write('clash.json', liveText([action({ actionNumber: 1 }), action({ actionNumber: 2 })]))
    const summary = await importFiles(testDb.handle, [file])
    expect(summary.failures).toEqual([`${file}: event 0099900001-1 already belongs to game other, not 0099900001`])
    expect(await countRows(testDb.handle, 'games')).toBe(1)
    expect(await countRows(testDb.handle, 'events')).toBe(1)
  })

  it('restores the game row it changed when storing the events fails', async () => {
    await importFiles(testDb.handle, [write('early.json', liveText([action({ actionNumber: 2 })]))])
    await storeEvents(testDb.handle, [{ eventId: '0099900001-1', gameId: '0099900001', teamTricode: 'AAA', eventType: 'rebound', clock: 'PT11M00.00S', period: 1 }])
    await createOrUpdateGame(testDb.handle, { gameId: 'other', homeTeam: 'AAA', awayTeam: 'BBB', gameDate: '2025-01-01', status: 'Final' })
    await storeEvents(testDb.handle, [{ eventId: '0099900001-9', gameId: 'other', teamTricode: 'AAA', eventType: 'rebound', clock: 'PT11M00.00S', period: 1 }])
    const before = await hashRows(testDb.handle)
    const ended = liveText([action({ actionNumber: 2 }), action({ actionNumber: 9, actionType: 'game', subType: 'end', teamTricode: undefined })])
    const summary = await importFiles(testDb.handle, [write('ended.json', ended)])
    expect(summary.filesFailed).toBe(1)
    expect((await getGame(testDb.handle, '0099900001')).status).toBe('Live')
    expect(await hashRows(testDb.handle)).toBe(before)
  })

  it('runs the TMI hook for each stored game and reports its failures', async () => {
    const seen: string[] = []
    const ok = await importFiles(testDb.handle, [fixturePath('0022000001'), fixturePath('0022400718')], {
      computeTmi: true,
      tmiRunner: async (_handle, gameId) => {
        seen.push(gameId)
        if (gameId === '0022400718') throw new Error('model missing\nstack')
      },
    })
    expect(seen).toEqual(['0022000001', '0022400718'])
    expect(ok.failures).toEqual([`${fixturePath('0022400718')}: TMI: model missing`])
    expect(ok).toMatchObject({ filesFailed: 0, eventsAdded: 1237 })
    const none = await importFiles(testDb.handle, [fixturePath('0022000001')], { computeTmi: true })
    expect(none.results[0]!.tmiError).toBe(`${fixturePath('0022000001')}: TMI: computing TMI is not available here`)
  })

  it('reports progress per file and stops between files when cancelled', async () => {
    const controller = new AbortController()
    const progress: ImportProgress[] = []
    const summary = await importFiles(testDb.handle, FIXTURE_IDS.map(fixturePath), {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p)
        if (p.index === 2) controller.abort()
      },
    })
    expect(progress.map((p) => [p.index, p.total, p.result.gameId])).toEqual([
      [1, 3, '0022000001'],
      [2, 3, '0022400718'],
    ])
    expect(summary).toMatchObject({ cancelled: true, games: 2 })
    expect(await countRows(testDb.handle, 'games')).toBe(2)
  })

  it('imports the three files quickly', async () => {
    const started = performance.now()
    await importFiles(testDb.handle, [FIXTURE_DIR])
    const seconds = (performance.now() - started) / 1000
    expect(1885 / seconds).toBeGreaterThan(1_000)
  })
})

describe('importFiles error codes', () => {
  it('tells a bad file (InvalidInput) from a database that refused the write (ReadOnly)', async () => {
    const testDb = await createTestDb('sqlite')
    const temp = makeTempDir()
    const readOnly = await openDatabase(parseDatabaseSpec(testDb.spec), { readonly: true })
    try {
      const bad = join(temp.dir, 'bad.json')
      writeFileSync(bad, '{"game": ')
      const summary = await importFiles(readOnly, [bad, fixturePath(FIXTURE_IDS[0]!)])
      expect(summary.results.map((r) => r.errorCode)).toEqual(['InvalidInput', 'ReadOnly'])
      expect(summary.results[1]!.error).toMatch(/read-only/)
    } finally {
      await readOnly.close()
      await testDb.cleanup()
      temp.remove()
    }
  })
})
