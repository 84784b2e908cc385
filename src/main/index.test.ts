import { EventEmitter } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { channels } from '../shared/api/contract'
import { openDatabase } from './db/connection'
import { migrate } from './db/migrator'

/** What the composition root did, in order; shared with the electron double below. */
const state = vi.hoisted(() => ({
  log: [] as string[],
  gotLock: true,
  userData: '',
  windows: [] as Array<{ options: { webPreferences: Record<string, unknown> } }>,
  handled: [] as string[],
  ready: null as null | (() => void),
}))

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    requestSingleInstanceLock: () => (state.log.push('requestSingleInstanceLock'), state.gotLock),
    quit: () => state.log.push('quit'),
    enableSandbox: () => state.log.push('enableSandbox'),
    whenReady: () => (state.log.push('whenReady'), new Promise<void>((resolve) => (state.ready = () => (state.log.push('ready'), resolve())))),
    getPath: () => state.userData,
    getAppPath: () => state.userData,
  })
  class BrowserWindow extends Emitter {
    static getAllWindows = () => [] as BrowserWindow[]
    webContents = new Emitter()
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super()
      state.log.push('BrowserWindow')
      state.windows.push(this)
    }
    loadFile = async () => undefined
    loadURL = async () => undefined
  }
  const defaultSession = {
    setPermissionRequestHandler: () => state.log.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => state.log.push('setPermissionCheckHandler'),
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, text: string) => state.log.push(`error: ${title}: ${text}`) },
    session: { defaultSession },
    shell: { openExternal: async () => undefined },
    ipcMain: { handle: (channel: string) => state.handled.push(channel), removeHandler: () => undefined },
  }
})

vi.mock('./db/connection', async (importOriginal) => {
  const original = await importOriginal<typeof import('./db/connection')>()
  // A pass-through spy: the real open runs, the log records when.
  return { ...original, openDatabase: (...args: Parameters<typeof original.openDatabase>) => (state.log.push('openDatabase'), original.openDatabase(...args)) }
})

async function boot(): Promise<EventEmitter> {
  vi.resetModules()
  const { app } = (await import('electron')) as unknown as { app: EventEmitter }
  // The electron double can outlive resetModules: forget the listeners of earlier boots.
  app.removeAllListeners()
  await import('./index')
  return app
}

async function untilWindow(): Promise<void> {
  await vi.waitFor(() => expect(state.log).toContain('BrowserWindow'), { timeout: 10_000 })
}

/** Quits as Electron would: will-quit may be prevented until the services are closed. */
async function quit(app: EventEmitter): Promise<void> {
  const event = { preventDefault: vi.fn() }
  app.emit('will-quit', event)
  expect(event.preventDefault).toHaveBeenCalledOnce()
  await vi.waitFor(() => expect(state.log.at(-1)).toBe('quit'))
}

beforeEach(() => {
  state.log.length = 0
  state.windows.length = 0
  state.handled.length = 0
  state.gotLock = true
  state.userData = mkdtempSync(join(tmpdir(), 'momentum-app-'))
})
afterEach(() => rmSync(state.userData, { recursive: true, force: true }))

describe('the composition root', () => {
  it('quits a second instance before anything else, and never opens a database', async () => {
    state.gotLock = false
    await boot()
    expect(state.log).toEqual(['requestSingleInstanceLock', 'quit'])
  })

  it('enables the sandbox and installs the permission handlers before ready', async () => {
    const app = await boot()
    const beforeReady = [...state.log]
    expect(beforeReady).toEqual(['requestSingleInstanceLock', 'enableSandbox', 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'whenReady'])
    expect(app.listenerCount('web-contents-created')).toBe(1)
    state.ready!()
    await untilWindow()
    expect(state.log.indexOf('ready')).toBeGreaterThan(state.log.indexOf('enableSandbox'))
    await quit(app)
  })

  it('creates and migrates the default database on first start, registers every channel, then opens the window', async () => {
    const app = await boot()
    state.ready!()
    await untilWindow()
    await quit(app)
    expect(state.log.indexOf('openDatabase')).toBeLessThan(state.log.indexOf('BrowserWindow'))
    expect([...state.handled].sort()).toEqual([...channels].sort())
    expect(state.windows[0]!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    const file = join(state.userData, 'momentum_ml.db')
    expect(existsSync(file)).toBe(true)
    const handle = await openDatabase({ dialect: 'sqlite', file, memory: false }, { readonly: true })
    const count = await handle.db.selectFrom('schema_migrations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await handle.close()
    expect(Number(count.n)).toBeGreaterThan(1)
  })

  it('never migrates an existing default database', async () => {
    const file = join(state.userData, 'momentum_ml.db')
    const handle = await openDatabase({ dialect: 'sqlite', file, memory: false }, { create: true })
    expect((await migrate(handle, { to: '002' })).error).toBeNull()
    await handle.close()
    const app = await boot()
    state.ready!()
    await untilWindow()
    await quit(app)
    const again = await openDatabase({ dialect: 'sqlite', file, memory: false }, { readonly: true })
    const versions = await again.db.selectFrom('schema_migrations').select('version').orderBy('version').execute()
    await again.close()
    expect(versions.map((v) => v.version)).toEqual(['001', '002'])
  })

  it('opens the database file a second instance hands over', async () => {
    const other = join(state.userData, 'other.db')
    const handle = await openDatabase({ dialect: 'sqlite', file: other, memory: false }, { create: true })
    await handle.close()
    const app = await boot()
    state.ready!()
    await untilWindow()
    const opens = state.log.filter((entry) => entry === 'openDatabase').length
    app.emit('second-instance', {}, ['/opt/MomentumML/momentumml', other], state.userData)
    await vi.waitFor(() => expect(state.log.filter((entry) => entry === 'openDatabase').length).toBe(opens + 1))
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(state.userData, 'recent-databases.json'), 'utf8')).entries[0].spec).toBe(other))
    await quit(app)
  })
})
