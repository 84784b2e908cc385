import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openDatabase } from '../db/connection'
import { parseDatabaseSpec } from '../db/database-target'
import { createTestDb, describeEachDialect, type TestDb } from '../db/test-db'
import { fillDemoDatabase } from '../demo/demo-fill.service'
import { runTask, type TaskContext } from './job-tasks'

const context: TaskContext = { signal: new AbortController().signal, progress: () => undefined }

async function countTmi(testDb: TestDb): Promise<number> {
  const row = await testDb.handle.db.selectFrom('tmi_calculations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

describeEachDialect('runTask cleanup (the Admin page job)', (dialect) => {
  let testDb: TestDb

  beforeEach(async () => {
    testDb = await createTestDb(dialect)
    await fillDemoDatabase(testDb.handle, { games: 1, seed: 4 })
  })
  afterEach(async () => {
    await testDb.cleanup()
  })

  it('writes the safety backup before deleting and names it in the result', async () => {
    const before = await countTmi(testDb)
    expect(before).toBeGreaterThan(2)
    const message = await runTask(testDb.handle, { kind: 'cleanup', keepTmi: 1 }, context)
    expect(await countTmi(testDb)).toBe(2)
    expect(message).toMatch(new RegExp(`^deleted ${before - 2} old TMI rows\\. `))
    if (dialect === 'postgres') {
      expect(message).toContain('No backup was made: momentum does not back up PostgreSQL databases')
      return
    }
    const backup = /Backup written: (.+\.backup-\d{8}-\d{6}(?:-\d+)?\.db)$/.exec(message)?.[1]
    expect(backup).toBeDefined()
    expect(dirname(backup!)).toBe(dirname(testDb.spec))
    expect(existsSync(backup!)).toBe(true)
    const copy = await openDatabase(parseDatabaseSpec(backup!), { readonly: true })
    try {
      const row = await copy.db.selectFrom('tmi_calculations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(row.n)).toBe(before)
    } finally {
      await copy.close()
    }
  })

  it('writes no backup when there is nothing to delete', async () => {
    const message = await runTask(testDb.handle, { kind: 'cleanup', keepTmi: 1_000_000 }, context)
    expect(message).toBe('nothing to delete; no backup was needed')
    if (dialect === 'sqlite') expect(readdirSync(dirname(testDb.spec)).filter((name) => name.includes('.backup-'))).toEqual([])
  })
})

it('reports an import failure under the name given for the path', async () => {
  const testDb = await createTestDb('sqlite')
  try {
    const missing = join(dirname(testDb.spec), 'upload-1234', 'game.json')
    const failure = runTask(testDb.handle, { kind: 'import', paths: [missing], computeTmi: false, names: { [missing]: 'game.json' } }, context)
    await expect(failure).rejects.toMatchObject({ code: 'InvalidInput', message: 'imported 0 games (0 events added, 0 updated, 0 unchanged); 1 failed: game.json: does not exist' })
  } finally {
    await testDb.cleanup()
  }
})
