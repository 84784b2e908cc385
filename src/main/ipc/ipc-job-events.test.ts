import type { EventEmitter } from 'node:events'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi, type Mock } from 'vitest'
import type { JobFinished, JobProgress } from '../../shared/domain/admin'
import type { PreloadApi } from '../../preload/preload-api'
import { parseDatabaseSpec } from '../db/database-target'
import { createTestDb, type TestDb } from '../db/test-db'
import { sendToAllWindows } from '../window/main-window'
import { createServicesFixture, type ServicesFixture } from './ipc-test-context'

// Electron at the module edge: the preload's ipcRenderer is an emitter the fake window sends to.
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  return { contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: Object.assign(new Emitter(), { invoke: vi.fn() }) }
})

describe('job events over Electron IPC, main to preload', () => {
  let testDb: TestDb
  let fixture: ServicesFixture
  let api: PreloadApi

  beforeAll(async () => {
    const electron = (await import('electron')) as unknown as { contextBridge: { exposeInMainWorld: Mock }; ipcRenderer: EventEmitter }
    await import('../../preload/index')
    api = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as PreloadApi
    // One window; webContents.send crosses a structured clone, as Electron's IPC does.
    const window = { isDestroyed: () => false, webContents: { send: (event: string, payload: unknown) => electron.ipcRenderer.emit(event, { sender: electron.ipcRenderer }, structuredClone(payload)) } }
    fixture = createServicesFixture({ forward: sendToAllWindows({ getAllWindows: () => [window] as never }) })
    testDb = await createTestDb('sqlite')
    await fixture.services.session.open(parseDatabaseSpec(testDb.spec))
  })
  afterAll(async () => {
    await fixture.close()
    await testDb.cleanup()
  })

  it('hands the page the same job:finished main sent, with its error code, once', async () => {
    const file = join(fixture.dir, 'bad-game.json')
    writeFileSync(file, 'not json at all')
    const received: JobFinished[] = []
    const progress: JobProgress[] = []
    const offFinished = api.on('job:finished', (finished) => received.push(finished))
    const offProgress = api.on('job:progress', (update) => progress.push(update))
    try {
      const job = await fixture.services.handlers['import:files']({ fileIds: [fixture.services.files.register(file)] })
      const finished = await fixture.finished(job.jobId)
      expect(finished).toMatchObject({ ok: false, kind: 'import', error: { code: 'InvalidInput', message: expect.stringContaining(`${file}: not valid JSON`) } })
      expect(received).toEqual([finished])
      expect(progress.at(-1)).toMatchObject({ jobId: job.jobId, done: 1, total: 1 })
      expect(await fixture.services.handlers['jobs:list']({})).toMatchObject({ running: [], finished: [finished] })
    } finally {
      offFinished()
      offProgress()
    }
  })
})
