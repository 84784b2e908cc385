import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliEnv, ensureCliBuilt, errorLine, makeTempDir, parseJson, runCli, seedSqliteFile } from './cli-test-helpers'

const temp = makeTempDir()
const env = cliEnv(temp.dir)

beforeAll(ensureCliBuilt)
afterAll(temp.remove)

describe('momentum', () => {
  describe('usage', () => {
    it('prints help listing every command with --help and exits 0', async () => {
      const run = await runCli(['--help'], env)
      expect(run.code).toBe(0)
      for (const command of ['migrate', 'status', 'rollback', 'health', 'create', 'drop', 'reset', 'cleanup', 'backup']) {
        expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
      }
    })

    it('prints the package version', async () => {
      const run = await runCli(['--version'], env)
      expect(run.code).toBe(0)
      expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    })

    it('shows help on stderr and exits 2 without a command', async () => {
      const run = await runCli([], env)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('Usage: momentum')
      expect(run.stdout).toBe('')
    })

    it.each([
      [['bogus'], "momentum: unknown command 'bogus'"],
      [['status', '--bogus'], "momentum: unknown option '--bogus'"],
      [['status', 'extra'], 'momentum: too many arguments for \'status\'. Expected 0 arguments but got 1.'],
      [['migrate', '--to'], "momentum: option '--to <version>' argument missing"],
    ])('exits 2 with one line for %j', async (args, line) => {
      const run = await runCli(args, env)
      expect(run.code).toBe(2)
      expect(errorLine(run)).toBe(line)
    })

    it('still prints one JSON document for a usage error with --json, naming the command', async () => {
      const run = await runCli(['status', '--json', '--bogus'], env)
      expect(run.code).toBe(2)
      expect(parseJson(run)).toEqual({ command: 'status', ok: false, error: { code: 'Usage', message: "unknown option '--bogus'" } })
    })

    it.each([
      [['cleanup', '--keep-tmi', 'abc', '--json'], 'cleanup', "option '--keep-tmi <n>' argument 'abc' is invalid. expected a whole number ≥ 0"],
      [['tmi', 'compute', '--window', 'x', '--json'], 'tmi compute', expect.stringContaining("option '--window <n>' argument 'x' is invalid")],
      [['nope', '--json'], null, expect.stringContaining("unknown command 'nope'")],
    ])('names the command commander was parsing in a --json usage error: %j', async (args, command, message) => {
      const run = await runCli(args, env)
      expect(run.code).toBe(2)
      expect(parseJson(run)).toEqual({ command, ok: false, error: { code: 'Usage', message } })
    })

    it('rejects a malformed MOMENTUM_BUSY_TIMEOUT_MS', async () => {
      const file = join(temp.dir, 'busy.db')
      const run = await runCli(['migrate', '--db', file], cliEnv(temp.dir, { MOMENTUM_BUSY_TIMEOUT_MS: 'soon' }))
      expect(run.code).toBe(1)
      expect(errorLine(run)).toBe('momentum: MOMENTUM_BUSY_TIMEOUT_MS must be a whole number of milliseconds, not "soon"')
      expect(existsSync(file)).toBe(false)
    })
  })

  describe('choosing the database', () => {
    it('uses momentum_ml.db in the XDG data folder by default, and status creates nothing there', async () => {
      const home = makeTempDir()
      try {
        const expected = join(home.dir, 'xdg-data', 'momentumml', 'momentum_ml.db')
        const status = await runCli(['status'], cliEnv(home.dir))
        expect(status.code).toBe(1)
        expect(errorLine(status)).toContain(`${expected} does not exist`)
        expect(existsSync(join(home.dir, 'xdg-data'))).toBe(false)
        const migrate = await runCli(['migrate', '--json'], cliEnv(home.dir))
        expect(parseJson(migrate)).toMatchObject({ ok: true, target: expected })
        expect(existsSync(expected)).toBe(true)
      } finally {
        home.remove()
      }
    })

    it('prefers --db over DATABASE_URL, and DATABASE_URL over the default', async () => {
      const fromEnv = join(temp.dir, 'from-env.db')
      const fromOption = join(temp.dir, 'from-option.db')
      await seedSqliteFile(fromEnv)
      await seedSqliteFile(fromOption)
      const withEnv = cliEnv(temp.dir, { DATABASE_URL: `sqlite:///${fromEnv}` })
      expect(parseJson(await runCli(['status', '--json'], withEnv))).toMatchObject({ target: fromEnv })
      expect(parseJson(await runCli(['status', '--json', '--db', fromOption], withEnv))).toMatchObject({ target: fromOption })
    })
  })
})
