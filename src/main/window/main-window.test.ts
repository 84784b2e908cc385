import { EventEmitter } from 'node:events'
import type { BrowserWindow } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createMainWindow, sendToAllWindows } from './main-window'

class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = []
  loadFile = vi.fn(async () => undefined)
  loadURL = vi.fn(async () => undefined)
  webContents = { send: vi.fn() }
  isDestroyed = () => false
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super()
    FakeWindow.created.push(this)
  }
}

function create(location: Parameters<typeof createMainWindow>[1]['location']): FakeWindow {
  createMainWindow(FakeWindow as unknown as typeof BrowserWindow, { preload: '/app/out/preload/index.cjs', location })
  return FakeWindow.created.at(-1)!
}

describe('createMainWindow', () => {
  const window = create({ kind: 'file', indexUrl: 'file:///app/out/renderer/index.html' })
  const prefs = window.options.webPreferences

  it('isolates and sandboxes the renderer (checklist 2, 3, 4)', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false })
  })

  it('keeps web security on and insecure features off (checklist 6, 8, 9, 10, 11)', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, spellcheck: false })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs.disableBlinkFeatures).toContain('Auxclick')
  })

  it('uses the bundled CommonJS preload and loads the built page from disk', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(window.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html')
    expect(window.loadURL).not.toHaveBeenCalled()
  })

  it('loads the dev server only in dev', () => {
    const dev = create({ kind: 'dev', origin: 'http://localhost:5173' })
    expect(dev.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(dev.loadFile).not.toHaveBeenCalled()
  })
})

describe('sendToAllWindows', () => {
  it('sends the event and payload to every live window', () => {
    const windows = [new FakeWindow({ webPreferences: {} }), Object.assign(new FakeWindow({ webPreferences: {} }), { isDestroyed: () => true })]
    sendToAllWindows({ getAllWindows: () => windows as unknown as BrowserWindow[] })('db:changed', null)
    expect(windows[0]!.webContents.send).toHaveBeenCalledWith('db:changed', null)
    expect(windows[1]!.webContents.send).not.toHaveBeenCalled()
  })
})
