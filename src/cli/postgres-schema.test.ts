import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../main/db/connection'
import { parseDatabaseSpec } from '../main/db/database-target'
import { cliEnv, ensureCliBuilt, errorLine, LATEST, makeTempDir, parseJson, runCli } from './cli-test-helpers'

const base = process.env.TEST_DATABASE_URL

/** `?schema=NAME` naming a schema that does not exist yet: mirrors a missing SQLite file. */
describe.runIf(base !== undefined && base !== '')('momentum with a PostgreSQL ?schema= that does not exist [postgres]', () => {
  const temp = makeTempDir('momentum-pg-schema-')
  const env = cliEnv(temp.dir)
  const schemas: string[] = []
  let admin: DatabaseHandle

  const missingSchema = (): { name: string; spec: string; where: string } => {
    const name = `t_missing_${randomBytes(5).toString('hex')}`
    schemas.push(name)
    const url = new URL(base!)
    url.searchParams.set('schema', name)
    return { name, spec: url.toString(), where: `${url.hostname}:${url.port || 5432}${url.pathname}` }
  }
  const schemaExists = async (name: string): Promise<boolean> => {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_namespace WHERE nspname = ${name}`.execute(admin.db)
    return Number(rows[0]!.n) === 1
  }

  beforeAll(async () => {
    ensureCliBuilt()
    admin = await openDatabase(parseDatabaseSpec(base!))
  })
  afterAll(async () => {
    for (const name of schemas) await sql`DROP SCHEMA IF EXISTS ${sql.id(name)} CASCADE`.execute(admin.db)
    await admin.close()
    temp.remove()
  })

  it.each(['migrate', 'create'])('%s creates the schema, then migrates into it', async (command) => {
    const { name, spec } = missingSchema()
    const run = await runCli([command, '--db', spec, '--json'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ command, ok: true, schemaVersion: LATEST })
    expect(await schemaExists(name)).toBe(true)
    const tables = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = ${name} AND table_name = 'games'`.execute(admin.db)
    expect(Number(tables.rows[0]!.n)).toBe(1)
  })

  it.each(['status', 'health', 'export tmi --out -'])('%s refuses with one line naming the schema and server, and creates nothing', async (command) => {
    const { name, spec, where } = missingSchema()
    const run = await runCli([...command.split(' '), '--db', spec], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toContain(`momentum: schema "${name}" does not exist in ${where}`)
    expect(await schemaExists(name)).toBe(false)
  })
})
