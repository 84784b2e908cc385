// Builds or fetches better-sqlite3 for Electron's ABI into .native/electron-<version>/better_sqlite3.node.
// Node's build in node_modules stays as it is for Vitest and the CLI; the app passes this file to
// better-sqlite3 as `nativeBinding` (src/main/platform/app-paths.ts). Tries prebuild-install first
// (a published binary), then node-gyp against Electron's headers, each in a temp copy of the package
// and each with a time limit, so an offline machine gets a clear failure instead of a hang.
//   node scripts/prepare-electron-native.mjs [--arch x64] [--out-dir DIR] [--timeout-ms N]
// Mirrors: MOMENTUM_PREBUILD_HOST (prebuild-install download host), MOMENTUM_ELECTRON_HEADERS_URL.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const { values } = parseArgs({ options: { arch: { type: 'string', default: process.arch }, 'out-dir': { type: 'string' }, 'timeout-ms': { type: 'string', default: '180000' } } })

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const outDir = resolve(values['out-dir'] ?? join(root, '.native', `electron-${electronVersion}`))
const outFile = join(outDir, 'better_sqlite3.node')
const timeout = Number(values['timeout-ms'])
const label = `better-sqlite3 for Electron ${electronVersion} (${process.platform}-${values.arch})`

if (existsSync(outFile) && statSync(outFile).size > 0) {
  console.log(`prepare-electron-native: ${label} is ready: ${outFile}`)
  process.exit(0)
}

const work = mkdtempSync(join(tmpdir(), 'momentum-native-'))
const failures = []
try {
  const pkg = join(work, 'better-sqlite3')
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), pkg, { recursive: true, filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`) })
  const env = { ...process.env }
  if (process.env.MOMENTUM_PREBUILD_HOST) env.npm_config_better_sqlite3_binary_host = process.env.MOMENTUM_PREBUILD_HOST
  const built = attempt('prebuild-install', process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion, '--arch', values.arch, '--verbose'], pkg, env)
    || attempt('node-gyp', process.execPath, [nodeGyp(), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${values.arch}`, `--dist-url=${process.env.MOMENTUM_ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers'}`], pkg, env)
  const binary = join(pkg, 'build', 'Release', 'better_sqlite3.node')
  if (!built || !existsSync(binary)) fail()
  mkdirSync(outDir, { recursive: true })
  copyFileSync(binary, `${outFile}.tmp`)
  renameSync(`${outFile}.tmp`, outFile)
  console.log(`prepare-electron-native: ${label} written to ${outFile}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}

function attempt(name, command, args, cwd, env) {
  console.log(`prepare-electron-native: trying ${name} for ${label}`)
  const run = spawnSync(command, args, { cwd, env, timeout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (run.status === 0) return true
  const output = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((line) => line.trim()).filter(Boolean)
  const pick = (pattern) => output.find((line) => pattern.test(line))
  const reason = run.error?.code === 'ETIMEDOUT'
    ? `timed out after ${timeout} ms`
    : (pick(/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|\b404\b/) ?? pick(/ERR!|error/i) ?? output.at(-1) ?? `exit code ${run.status}`)
  failures.push(`${name}: ${reason.slice(0, 300)}`)
  return false
}

/** npm ships node-gyp; it is not a dependency of ours. */
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp, join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not installed locally: npm's copy above
  }
  return candidates.find((path) => path && existsSync(path)) ?? 'node-gyp'
}

function fail() {
  rmSync(work, { recursive: true, force: true })
  console.error(`prepare-electron-native: could not get ${label}.`)
  for (const line of failures) console.error(`  ${line}`)
  console.error(`  Both need the network (GitHub releases, electronjs.org headers). On a machine with access run "npm start" again,`)
  console.error(`  or put a better_sqlite3.node built for Electron ${electronVersion} at ${outFile}.`)
  process.exit(1)
}
