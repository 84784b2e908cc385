import { build } from 'esbuild'
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../db/test-db'
import { AppFailure } from '../errors/app-failure'
import { exportToFile } from './export-file'
import { MemoryOutput, parseCsv, seedExportData, TMI_SEEDS } from './export-test-helpers'
import { createOutputSink } from './output-sink'
import { exportTmi } from './tmi-export.service'

const OLD = 'old export, must survive\n'

describe('exportToFile', () => {
  let dir: string
  let target: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'momentum-export-'))
    target = join(dir, 'tmi.csv')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the file and leaves nothing else in the folder', async () => {
    const result = await exportToFile(target, async (out) => {
      out.write('a,b\n')
      return 42
    })
    expect(result).toBe(42)
    expect(readFileSync(target, 'utf8')).toBe('a,b\n')
    expect(readdirSync(dir)).toEqual(['tmi.csv'])
  })

  it('replaces an existing file only when the export succeeds', async () => {
    writeFileSync(target, OLD)
    await exportToFile(target, async (out) => void out.write('new\n'))
    expect(readFileSync(target, 'utf8')).toBe('new\n')
  })

  describe('when the writer fails midway', () => {
    const failing = async (out: NodeJS.WritableStream) => {
      out.write('x'.repeat(100_000))
      await new Promise((resolve) => setTimeout(resolve, 10))
      throw new AppFailure('Damaged', 'database disk image is malformed')
    }

    it('leaves no file behind', async () => {
      await expect(exportToFile(target, failing)).rejects.toMatchObject({ code: 'Damaged' })
      expect(readdirSync(dir)).toEqual([])
    })

    it('leaves an existing file untouched', async () => {
      writeFileSync(target, OLD)
      await expect(exportToFile(target, failing)).rejects.toMatchObject({ code: 'Damaged' })
      expect(readFileSync(target, 'utf8')).toBe(OLD)
      expect(readdirSync(dir)).toEqual(['tmi.csv'])
    })

    it('reports an error that is not an AppFailure as one', async () => {
      await expect(exportToFile(target, async () => Promise.reject(new Error('boom')))).rejects.toMatchObject({ code: 'Internal', message: expect.stringContaining('boom') })
      expect(readdirSync(dir)).toEqual([])
    })
  })

  it('refuses to replace a file when overwrite is off', async () => {
    writeFileSync(target, OLD)
    await expect(exportToFile(target, async (out) => void out.write('new'), { overwrite: false })).rejects.toMatchObject({ code: 'Conflict' })
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir)).toEqual(['tmi.csv'])
  })

  it('rejects a folder as the target and a missing folder', async () => {
    mkdirSync(join(dir, 'folder'))
    await expect(exportToFile(join(dir, 'folder'), async () => undefined)).rejects.toMatchObject({ code: 'InvalidInput' })
    await expect(exportToFile(join(dir, 'missing', 'x.csv'), async () => undefined)).rejects.toMatchObject({ code: 'InvalidInput' })
    expect(readdirSync(dir)).toEqual(['folder'])
  })

  it('writes `-` to the given standard output and creates no file', async () => {
    const stdout = new PassThrough()
    let text = ''
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()))
    await exportToFile('-', async (out) => void out.write('to stdout\n'), { stdout })
    expect(text).toBe('to stdout\n')
    expect(stdout.writableEnded).toBe(false)
    expect(existsSync(join(dir, '-'))).toBe(false)
  })

  describe('when the process is stopped', () => {
    let script: string
    beforeAll(async () => {
      script = join(mkdtempSync(join(tmpdir(), 'momentum-export-child-')), 'child.mjs')
      await build({
        stdin: {
          contents: `import { exportToFile } from './export-file'
            process.on('message', () => process.exit(3))
            await exportToFile(process.argv[2], async (out) => {
              for (let i = 0; ; i++) {
                if (!out.write('x'.repeat(10000) + '\\n')) await new Promise((resolve) => out.once('drain', resolve))
                if (i === 20) process.send('writing')
                await new Promise((resolve) => setTimeout(resolve, 5))
              }
            })`,
          resolveDir: import.meta.dirname,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        outfile: script,
        logLevel: 'silent',
      })
    })

    const stop = (how: 'SIGTERM' | 'SIGINT' | 'exit') =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: boolean }>((resolve, reject) => {
        const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
        let sawTemp = false
        child.on('error', reject)
        child.on('message', () => {
          sawTemp = readdirSync(dir).some((name) => name.endsWith('.tmp'))
          if (how === 'exit') child.send('exit')
          else child.kill(how)
        })
        child.on('exit', (code, signal) => resolve({ code, signal, sawTemp }))
      })

    for (const how of ['SIGTERM', 'SIGINT', 'exit'] as const) {
      it(`removes the temp file and keeps the old one on ${how}`, async () => {
        writeFileSync(target, OLD)
        const ended = await stop(how)
        expect(ended).toEqual(how === 'exit' ? { code: 3, signal: null, sawTemp: true } : { code: null, signal: how, sawTemp: true })
        expect(readdirSync(dir)).toEqual(['tmi.csv'])
        expect(readFileSync(target, 'utf8')).toBe(OLD)
      })
    }
  })
})

describe('exportToFile with exportTmi', () => {
  let test: TestDb
  let dir: string
  beforeAll(async () => {
    test = await createTestDb('sqlite')
    await seedExportData(test.handle)
    dir = mkdtempSync(join(tmpdir(), 'momentum-export-'))
  })
  afterAll(async () => {
    await test.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes the same CSV to a file as to a stream', async () => {
    const memory = new MemoryOutput()
    await exportTmi(test.handle, { excel: true }, memory)
    const result = await exportToFile(join(dir, 'tmi.csv'), (out) => exportTmi(test.handle, { excel: true }, out))
    expect(result.rows).toBe(TMI_SEEDS.length)
    expect(readFileSync(join(dir, 'tmi.csv'))).toEqual(memory.bytes())
    expect(parseCsv(readFileSync(join(dir, 'tmi.csv'), 'utf8')).rows).toHaveLength(TMI_SEEDS.length)
  })

  it('leaves no file and the old one untouched when cancelled', async () => {
    const target = join(dir, 'cancelled.csv')
    writeFileSync(target, OLD)
    const controller = new AbortController()
    controller.abort()
    await expect(exportToFile(target, (out) => exportTmi(test.handle, { signal: controller.signal }, out))).rejects.toMatchObject({ code: 'Cancelled' })
    expect(readFileSync(target, 'utf8')).toBe(OLD)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })
})

describe('createOutputSink', () => {
  it.runIf(existsSync('/dev/full'))('turns a full disk into one clear failure', async () => {
    const out = createWriteStream('/dev/full')
    const sink = createOutputSink(out)
    const writing = (async () => {
      for (let i = 0; i < 100; i++) await sink.write('x'.repeat(65536))
    })()
    await expect(writing).rejects.toMatchObject({ code: 'Internal', message: expect.stringContaining('no space left') })
    sink.release()
    out.destroy()
  })

  it('fails with Cancelled when the reader closes the output', async () => {
    const out = new PassThrough({ highWaterMark: 16 })
    const sink = createOutputSink(out)
    const writing = sink.write('x'.repeat(1000))
    out.destroy()
    await expect(writing).rejects.toMatchObject({ code: 'Cancelled' })
    await expect(sink.write('more')).rejects.toMatchObject({ code: 'Cancelled' })
  })
})
