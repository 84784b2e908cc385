import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDatabaseSpec } from '../db/database-target'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { FIXTURE_IDS, fixturePath } from '../import/nba-test-fixtures'
import type { Handlers } from './call-channel'
import { createServicesFixture, type ServicesFixture } from './ipc-test-context'

describeEachDialect('createHandlers', (dialect) => {
  let testDb: TestDb
  let fixture: ServicesFixture
  let handlers: Handlers

  beforeAll(async () => {
    testDb = await createTestDb(dialect)
    fixture = createServicesFixture()
    handlers = fixture.services.handlers
    await fixture.services.session.open(parseDatabaseSpec(testDb.spec))
    const fileIds = FIXTURE_IDS.map((id) => fixture.services.files.register(fixturePath(id)))
    const job = await handlers['import:files']({ fileIds })
    expect(job.kind).toBe('import')
    expect(await fixture.finished(job.jobId)).toMatchObject({ ok: true, message: expect.stringContaining('imported 3 games') })
  })
  afterAll(async () => {
    await fixture.close()
    await testDb.cleanup()
  })

  it('describes the open database without its password', async () => {
    const info = await handlers['db:current']({})
    expect(info).toMatchObject({ dialect, readonly: false, pendingMigrations: [], isEmpty: false })
    expect(JSON.stringify(info)).not.toMatch(/momentum:momentum@/)
    expect((await handlers['db:recent']({}))[0]).toMatchObject({ dialect, label: info!.label })
  })

  it('reports migrations and health', async () => {
    const report = await handlers['migrations:status']({})
    expect(report.pending).toEqual([])
    expect(report.migrations.every((m) => m.state === 'applied')).toBe(true)
    expect((await handlers['health:check']({})).ok).toBe(true)
  })

  it('lists games and summarizes one with its statistics', async () => {
    const page = await handlers['games:list']({ sort: 'game_id', direction: 'asc' })
    expect(page.games.map((g) => g.gameId)).toEqual([...FIXTURE_IDS])
    const game = await handlers['games:get']({ gameId: '0022400762' })
    expect(game).toMatchObject({ homeTeam: 'DAL', awayTeam: 'SAC', eventCount: 648 })
    expect(game.latestTmiHome).not.toBeNull()
    expect(game).toEqual(page.games.find((g) => g.gameId === '0022400762'))
    await expect(handlers['games:get']({ gameId: 'nope' })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('pages events by cursor and searches their text', async () => {
    const page = await handlers['events:page']({ gameId: '0022400718', limit: 10 })
    expect(page.events).toHaveLength(10)
    expect(page.hasMore).toBe(true)
    const next = await handlers['events:page']({ gameId: '0022400718', limit: 10, cursor: page.nextCursor! })
    const both = await handlers['events:page']({ gameId: '0022400718', limit: 20 })
    expect([...page.events, ...next.events]).toEqual(both.events)
    const found = await handlers['events:page']({ gameId: '0022400718', search: 'DUNK', limit: 1000 })
    expect(found.events.length).toBeGreaterThan(0)
    expect(found.events.every((e) => `${e.description}`.toLowerCase().includes('dunk') || `${e.playerName}`.toLowerCase().includes('dunk'))).toBe(true)
    const firstHalf = await handlers['events:page']({ gameId: '0022400718', search: 'DUNK', limit: 2 })
    const rest = await handlers['events:page']({ gameId: '0022400718', search: 'dunk', limit: 1000, cursor: firstHalf.nextCursor! })
    expect([...firstHalf.events, ...rest.events]).toEqual(found.events)
    await expect(handlers['events:page']({ gameId: '0022400718', cursor: 'bm90IG91cnM' })).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/^cursor is malformed/) })
  })

  it('reads TMI history computed by the import', async () => {
    const history = await handlers['tmi:history']({ gameId: '0022400718' })
    expect(history.length).toBeGreaterThan(0)
    expect(new Set(history.map((r) => r.teamTricode)).size).toBe(2)
  })

  it('recomputes TMI in a job, then previews a cleanup without deleting', async () => {
    const job = await handlers['tmi:compute']({ gameId: '0022400718', windowSize: 3, algorithm: 'momentumml-1' })
    expect(await fixture.finished(job.jobId)).toMatchObject({ ok: true, kind: 'tmi' })
    const rows = await handlers['tmi:history']({ gameId: '0022400718', algorithm: 'momentumml-1' })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.parameters?.windowSize === 3)).toBe(true)
    const preview = await handlers['admin:cleanupPreview']({ gameId: '0022400718', keepTmi: 1 })
    expect(preview.dryRun).toBe(true)
    expect(preview.tmiDeleted).toBeGreaterThan(0)
    expect((await handlers['tmi:history']({ gameId: '0022400718' })).length).toBeGreaterThan(preview.groups.length)
  })

  it('exports TMI to the file the save dialog chose', async () => {
    const job = await handlers['export:tmi']({ gameId: '0022400718' })
    const finished = await fixture.finished(job.jobId)
    expect(finished).toMatchObject({ ok: true, kind: 'export', download: null })
    expect(fixture.ports.chooseExportTarget).toHaveBeenCalledWith('tmi-0022400718.csv')
    const csv = readFileSync(join(fixture.dir, 'tmi-0022400718.csv'), 'utf8')
    expect(csv.split('\n')[0]).toContain('tmi_value')
  })

  it('opens links only after checking them', async () => {
    expect(await handlers['app:openExternal']({ url: 'file:///etc/passwd' })).toEqual({ opened: false })
    expect(fixture.ports.openExternal).not.toHaveBeenCalled()
    expect(await handlers['app:openExternal']({ url: 'https://www.nba.com/' })).toEqual({ opened: true })
  })

  it('answers cancel of an unknown job with false, and a cancelled dialog with Cancelled', async () => {
    expect(await handlers['jobs:cancel']({ jobId: 'nope' })).toEqual({ cancelled: false })
    await expect(handlers['import:files']({})).rejects.toMatchObject({ code: 'Cancelled' })
    expect(await handlers['db:openDialog']({ readonly: false })).toBeNull()
  })

  it('refuses a file id main never issued', async () => {
    await expect(handlers['db:openRecent']({ id: 'made-up', readonly: false })).rejects.toMatchObject({ code: 'NotFound' })
    await expect(handlers['import:files']({ fileIds: ['made-up'] })).rejects.toMatchObject({ code: 'NotFound' })
  })

  it('resets the database to empty, with a backup first on SQLite', async () => {
    const info = await handlers['admin:reset']({ confirm: 'RESET' })
    expect(info).toMatchObject({ isEmpty: true, pendingMigrations: [] })
    const backups = await handlers['admin:backups']({})
    if (dialect === 'sqlite') {
      expect(backups).toHaveLength(1)
      expect(existsSync(join(dirname(testDb.spec), backups[0]!.fileName))).toBe(true)
      const restored = await handlers['admin:restore']({ backupId: backups[0]!.id, confirm: 'RESTORE' })
      expect(restored.isEmpty).toBe(false)
      expect((await handlers['games:list']({})).games).toHaveLength(3)
    } else {
      expect(backups).toEqual([])
    }
    expect(fixture.events.some((e) => e.event === 'db:changed')).toBe(true)
  })

  it('runs a cleanup job that writes its backup first (SQLite) and names it in the result', async () => {
    await handlers['admin:reset']({ confirm: 'RESET' })
    const imported = await handlers['import:files']({ fileIds: [fixture.services.files.register(fixturePath('0022400718'))] })
    expect(await fixture.finished(imported.jobId)).toMatchObject({ ok: true, message: expect.stringMatching(/^imported 1 game \(/) })
    const before = (await handlers['tmi:history']({ gameId: '0022400718' })).length
    const backupsBefore = (await handlers['admin:backups']({})).length
    const job = await handlers['admin:cleanup']({ gameId: '0022400718', keepTmi: 1 })
    const finished = await fixture.finished(job.jobId)
    expect(finished).toMatchObject({ ok: true, kind: 'cleanup', message: expect.stringMatching(/^deleted \d+ old TMI rows?\. /) })
    expect((await handlers['tmi:history']({ gameId: '0022400718' })).length).toBeLessThan(before)
    if (dialect === 'postgres') {
      expect(finished.message).toContain('No backup was made: momentum does not back up PostgreSQL databases')
      return
    }
    const backups = await handlers['admin:backups']({})
    expect(backups).toHaveLength(backupsBefore + 1)
    const written = /Backup written: (.+)$/.exec(finished.message ?? '')?.[1]
    expect(backups.map((b) => join(dirname(testDb.spec), b.fileName))).toContain(written)
  })
})

describe('createHandlers without a database', () => {
  it('answers db:current with null and data calls with NotFound', async () => {
    const fixture = createServicesFixture()
    try {
      expect(await fixture.services.handlers['db:current']({})).toBeNull()
      await expect(fixture.services.handlers['games:list']({})).rejects.toMatchObject({ code: 'NotFound' })
      await expect(fixture.services.handlers['demo:fill']({ games: 1 })).rejects.toMatchObject({ code: 'NotFound' })
    } finally {
      await fixture.close()
    }
  })
})
