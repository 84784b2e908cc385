import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnv, countRows, ensureCliBuilt, errorLine, listDir, makeTempDir, parseJson, runCli, seedSqliteFile, sha256 } from '../cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)
const source = join(temp.dir, 'source.db')

beforeAll(async () => {
  ensureCliBuilt()
  await seedSqliteFile(source)
})
afterAll(temp.remove)

describe('momentum backup', () => {
  it('writes a checked copy and leaves the source unchanged', async () => {
    const before = sha256(source)
    const out = join(temp.dir, 'copy.db')
    const run = await runCli(['backup', '--db', source, '--out', out, '--json'], env)
    expect(run.code).toBe(0)
    expect(parseJson(run)).toMatchObject({ command: 'backup', ok: true, backup: out })
    expect(countRows(out, ['games', 'events', 'tmi_calculations'])).toEqual({ games: 2, events: 3, tmi_calculations: 5 })
    expect(sha256(source)).toBe(before)
    expect(listDir(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('refuses to overwrite an existing file', async () => {
    const out = join(temp.dir, 'taken.db')
    writeFileSync(out, 'an earlier backup')
    const run = await runCli(['backup', '--db', source, '--out', out], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toBe(`momentum: ${out} already exists; a backup never overwrites a file (choose another name)`)
    expect(readFileSync(out, 'utf8')).toBe('an earlier backup')
    expect(listDir(temp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('requires --out (usage error)', async () => {
    const run = await runCli(['backup', '--db', source], env)
    expect(run.code).toBe(2)
    expect(errorLine(run)).toContain("required option '--out <file>' not specified")
  })

  it('says PostgreSQL is not supported without connecting', async () => {
    const run = await runCli(['backup', '--db', 'postgresql://u:secret@127.0.0.1:1/db', '--out', join(temp.dir, 'pg.db')], env)
    expect(run.code).toBe(1)
    expect(errorLine(run)).toBe('momentum: PostgreSQL 127.0.0.1:1/db: backup is not supported for PostgreSQL (use pg_dump)')
  })
})
