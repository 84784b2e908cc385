import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrations } from '../../migrations'
import { openDatabase } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { createTestDb, describeEachDialect, type TestDb } from '../main/db/test-db'
import { cliEnv, ensureCliBuilt, makeTempDir, startCli, type CliRun } from './cli-test-helpers'

const temp = makeTempDir('momentum-concurrency-')
const env = cliEnv(temp.dir)
const VERSIONS = migrations.map((m) => m.version)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

async function migrateTwiceAtOnce(spec: string): Promise<[CliRun, CliRun]> {
  const first = startCli(['migrate', '--db', spec, '--json'], env)
  const second = startCli(['migrate', '--db', spec, '--json'], env)
  return Promise.all([first.done, second.done])
}

async function recordedVersions(spec: string): Promise<string[]> {
  const handle = await openDatabase(parseDatabaseSpec(spec), { readonly: true })
  try {
    return (await handle.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()).map((r) => r.version)
  } finally {
    await handle.close()
  }
}

describeEachDialect('two momentum migrate processes started at once', (dialect) => {
  const databases: TestDb[] = []
  afterAll(async () => {
    for (const db of databases) await db.cleanup()
  })

  async function newTarget(round: number): Promise<string> {
    if (dialect === 'sqlite') return join(temp.dir, `round-${round}`, 'new.db')
    const db = await createTestDb('postgres', { migrated: false })
    databases.push(db)
    return db.spec
  }

  it.each([1, 2, 3, 4, 5])('both succeed, one applies and one finds it up to date (round %i)', async (round) => {
    const spec = await newTarget(round)
    const runs = await migrateTwiceAtOnce(spec)
    for (const run of runs) {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
    const docs = runs.map((run) => JSON.parse(run.stdout) as { applied: Array<{ version: string }>; upToDate: boolean; schemaVersion: string })
    const appliers = docs.filter((doc) => doc.applied.length > 0)
    expect(appliers).toHaveLength(1)
    expect(appliers[0]!.applied.map((s) => s.version)).toEqual(VERSIONS)
    expect(docs.filter((doc) => doc.upToDate)).toHaveLength(1)
    expect(docs.map((doc) => doc.schemaVersion)).toEqual([VERSIONS.at(-1), VERSIONS.at(-1)])
    expect(await recordedVersions(spec)).toEqual(VERSIONS)
  })
})
