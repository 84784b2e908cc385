import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const SCRIPT = resolve(import.meta.dirname, 'prepare-electron-native.mjs')

function run(outDir: string) {
  // Both download hosts point at a closed loopback port: the failure path without touching the network.
  const env = { ...process.env, MOMENTUM_PREBUILD_HOST: 'http://127.0.0.1:9', MOMENTUM_ELECTRON_HEADERS_URL: 'http://127.0.0.1:9' }
  return spawnSync(process.execPath, [SCRIPT, '--out-dir', outDir, '--timeout-ms', '60000'], { env, encoding: 'utf8', timeout: 150_000 })
}

describe('prepare-electron-native', () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-native-test-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('fails with a clear message, and writes nothing, when neither source can be reached', () => {
    const started = Date.now()
    const result = run(join(dir, 'out'))
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/could not get better-sqlite3 for Electron \d+\.\d+\.\d+/)
    expect(result.stderr).toMatch(/prebuild-install: .*ECONNREFUSED/)
    expect(result.stderr).toMatch(/node-gyp: /)
    expect(Date.now() - started).toBeLessThan(120_000)
    expect(() => mkdirSync(join(dir, 'out'))).not.toThrow()
  }, 150_000)

  it('does nothing when the binary is already there', () => {
    writeFileSync(join(dir, 'better_sqlite3.node'), 'binary')
    const result = run(dir)
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/is ready/)
  })
})
