/**
 * Fixtures for the end-to-end journeys: a per-test database in a temp folder, `momentum serve` on
 * it with `page` pointed at the served app, and the built desktop app through Playwright's
 * `_electron` where an Electron binary exists on this machine.
 */
import { test as base, expect, _electron, type ElectronApplication, type Page, type TestInfo } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { buildPythonDatabase } from '../src/main/db/python-fixtures'
import { electronNativeBindingPath } from '../src/main/platform/app-paths'

export { expect }

export const ROOT = join(import.meta.dirname, '..')
const CLI = join(ROOT, 'bin', 'momentum.js')

/**
 * `demo`: 12 generated games (seed 3); `real-games`: the three NBA games of fixtures/nba imported;
 * `python`: the original app's file after its own `migrate` (schema 003, our 004+ pending).
 */
export type DatabaseKind = 'demo' | 'real-games' | 'python'

export interface ServedApp {
  url: string
  /** The SQLite file the server has open; tests read it with better-sqlite3 to check the UI. */
  dbFile: string
  /** What the server printed so far (stdout and stderr). */
  output: () => string
}

interface WorkerFixtures {
  /** Builds a database file of a kind; demo and real games are built once per worker and copied. */
  databases: { create: (kind: DatabaseKind, file: string) => void }
}

interface TestFixtures {
  database: DatabaseKind
  /** A fresh folder for this test, removed afterwards. */
  workDir: string
  dbFile: string
  serve: ServedApp
  electronApp: ElectronApplication
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  database: ['demo', { option: true }],

  databases: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'momentum-e2e-templates-'))
      const built = new Map<DatabaseKind, string>()
      const template = (kind: 'demo' | 'real-games'): string => {
        let file = built.get(kind)
        if (file === undefined) {
          file = join(dir, `${kind}.db`)
          const args = kind === 'demo' ? ['demo', '--db', file, '--games', '12', '--seed', '3'] : ['import', join(ROOT, 'fixtures', 'nba'), '--db', file]
          runCli(args)
          built.set(kind, file)
        }
        return file
      }
      await use({
        create(kind, file) {
          if (kind === 'python') return buildPythonDatabase(file, 'migrated')
          // The CLI closed the file (WAL checkpointed), so the main file is the whole database.
          copyFileSync(template(kind), file)
        },
      })
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'momentum-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  dbFile: async ({ database, databases, workDir }, use) => {
    const file = join(workDir, `${database}.db`)
    databases.create(database, file)
    await use(file)
  },

  serve: async ({ dbFile, workDir }, use, testInfo) => {
    const server = await startServe(dbFile, workDir)
    try {
      await use(server.app)
    } finally {
      const code = await server.stop()
      await testInfo.attach('momentum serve output', { body: server.app.output(), contentType: 'text/plain' })
      // A server that fails on SIGTERM is a bug the journeys should surface too.
      expect(code, `momentum serve exited with ${code} on SIGTERM:\n${server.app.output()}`).toBe(0)
    }
  },

  page: async ({ page, serve }, use, testInfo) => {
    const problems = watchPage(page)
    await page.goto(serve.url)
    await use(page)
    await attachProblems(testInfo, problems)
    expect(problems.errors, 'uncaught errors in the page').toEqual([])
  },

  electronApp: async ({ dbFile, workDir }, use, testInfo) => {
    const reason = electronSkipReason()
    const binary = electronBinary()
    if (reason !== null || 'missing' in binary) {
      skipWithReason(reason ?? 'no Electron binary')
      return
    }
    const nativeBinding = electronNativeBindingPath(ROOT, binary.version)
    if (!existsSync(nativeBinding)) throw new Error(`better-sqlite3 is not built for Electron ${binary.version} (${nativeBinding} is missing): run node scripts/prepare-electron-native.mjs first`)
    if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) throw new Error('the desktop app is not built: run electron-vite build first')
    const userData = join(workDir, 'user-data')
    mkdirSync(userData)
    const app = await _electron.launch({
      executablePath: binary.path,
      // The database file on the command line is what the app opens first (see fileArgument).
      // Chromium's sandbox refuses to start as root (CI runs as root): only then is it turned off.
      args: [ROOT, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), dbFile],
      cwd: ROOT,
      env: { ...cleanEnv(), XDG_CONFIG_HOME: userData, ELECTRON_ENABLE_LOGGING: '1' },
    })
    const output: string[] = []
    app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    try {
      await use(app)
    } finally {
      await app.close().catch(() => app.process().kill('SIGKILL'))
      await testInfo.attach('electron output', { body: output.join(''), contentType: 'text/plain' })
    }
  },
})

/** Why the desktop app cannot run here, or null when it can. */
export function electronSkipReason(): string | null {
  const binary = electronBinary()
  if ('missing' in binary) return `no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD): ${binary.missing}`
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display for the Electron window: run the suite under xvfb-run'
  return null
}

const printedReasons = new Set<string>()

/** The list reporter shows no skip reasons, so each is printed once as well. */
export function skipWithReason(reason: string): void {
  if (!printedReasons.has(reason)) {
    printedReasons.add(reason)
    process.stdout.write(`[electron] skipped: ${reason}\n`)
  }
  test.skip(true, reason)
}

/** The environment without a database choice of the developer's own. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.DATABASE_URL
  return env
}

function runCli(args: string[]): void {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', timeout: 60_000 })
  if (result.status !== 0) throw new Error(`momentum ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`)
}

async function startServe(dbFile: string, workDir: string): Promise<{ app: ServedApp; stop: () => Promise<number | null> }> {
  // serve remembers recent databases in the data folder: keep that in the test's folder.
  const env = { ...cleanEnv(), XDG_DATA_HOME: join(workDir, 'data') }
  const child = spawn(process.execPath, [CLI, 'serve', '--db', dbFile, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`momentum serve printed no URL within 20 s:\n${output}`)), 20_000)
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    child.stdout.on('data', () => {
      const match = /momentum serve: (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => fail(new Error(`momentum serve exited with ${code} before printing its URL:\n${output}`)))
  })
  return {
    app: { url, dbFile, output: () => output },
    stop: () => stopProcess(child, exited),
  }
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)))
  const result = await Promise.race([exited, timedOut])
  clearTimeout(timer)
  if (result !== 'timeout') return result
  child.kill('SIGKILL')
  await exited
  throw new Error('momentum serve did not stop within 10 s of SIGTERM')
}

/**
 * The Electron binary as `require('electron')` would name it, found without requiring it: that
 * module starts a download when the binary is missing, and nothing may be downloaded here.
 */
function electronBinary(): { path: string; version: string } | { missing: string } {
  const packageDir = join(ROOT, 'node_modules', 'electron')
  if (!existsSync(join(packageDir, 'package.json'))) return { missing: 'the electron package is not installed' }
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version
  const pathFile = join(packageDir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  if (name === null && process.env.ELECTRON_OVERRIDE_DIST_PATH === undefined) return { missing: `${pathFile} does not exist, so the binary was never downloaded` }
  const path = join(dist, name ?? 'electron')
  return existsSync(path) ? { path, version } : { missing: `${path} does not exist` }
}

interface PageProblems {
  errors: string[]
  console: string[]
}

/** Uncaught errors fail the test; console errors are attached for the reader. */
function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], console: [] }
  page.on('pageerror', (error) => problems.errors.push(error.stack ?? error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text())
  })
  return problems
}

async function attachProblems(testInfo: TestInfo, problems: PageProblems): Promise<void> {
  if (problems.console.length > 0) await testInfo.attach('console errors', { body: problems.console.join('\n'), contentType: 'text/plain' })
}

/** Where the screens under test are kept for a person to look at. */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e', 'screenshots')

/**
 * A full-page screenshot. The app scrolls inside `main`, so the viewport is stretched to the
 * content's height for the shot and put back afterwards.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = join(SCREENSHOT_DIR, `${name}.png`)
  mkdirSync(dirname(file), { recursive: true })
  const viewport = page.viewportSize()
  const main = page.locator('main')
  const extra = (await main.count()) === 1 ? await main.evaluate((element) => element.scrollHeight - element.clientHeight) : 0
  // An Electron window has no emulated viewport (null): it is shot as it is.
  const stretch = viewport !== null && extra > 0
  if (stretch) await page.setViewportSize({ width: viewport.width, height: viewport.height + extra })
  try {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' })
  } finally {
    if (stretch) await page.setViewportSize(viewport)
  }
  return file
}
