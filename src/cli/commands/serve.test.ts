import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { cliEnv, ensureCliBuilt, makeTempDir, runCli, startCli } from '../cli-test-helpers'

describe('momentum serve', () => {
  let temp: ReturnType<typeof makeTempDir>

  beforeEach(() => {
    ensureCliBuilt()
    temp = makeTempDir()
  })
  afterEach(() => temp.remove())

  it('refuses a non-loopback host without --token, with exit code 2', async () => {
    const run = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], cliEnv(temp.dir))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--token/)
  })

  it('refuses a port out of range and a short token with exit code 2', async () => {
    expect((await runCli(['serve', '--port', '70000'], cliEnv(temp.dir))).code).toBe(2)
    expect((await runCli(['serve', '--token', 'short'], cliEnv(temp.dir))).code).toBe(2)
  })

  it('fails with exit code 1 on a --db file that does not exist, creating nothing', async () => {
    const run = await runCli(['serve', '--port', '0', '--db', join(temp.dir, 'missing.db')], cliEnv(temp.dir))
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/does not exist/)
  })

  it('creates the default database on first start, prints its URL, answers, and stops on SIGINT', async () => {
    const { child, done } = startCli(['serve', '--port', '0'], cliEnv(temp.dir))
    let stdout = ''
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 20_000)
      child.stdout!.on('data', () => {
        const match = /momentum serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
        if (match) {
          clearTimeout(timer)
          resolve(match[1]!)
        }
      })
    })
    const health = await fetch(new URL('/api/health', url))
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true, location: join(temp.dir, 'xdg-data', 'momentumml', 'momentum_ml.db'), pendingMigrations: [] })
    child.kill('SIGINT')
    const run = await done
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/stopped/)
  })
})
