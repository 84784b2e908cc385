import type { EventEmitter } from 'node:events'
import { beforeAll, describe, expect, it, vi, type Mock } from 'vitest'
import type { PreloadApi } from './preload-api'

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const ipcRenderer = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, value: null })) })
  return { contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer }
})

type FakeIpcRenderer = EventEmitter & { invoke: Mock }
let exposeInMainWorld: Mock
let ipcRenderer: FakeIpcRenderer
let api: PreloadApi

beforeAll(async () => {
  const electron = (await import('electron')) as unknown as { contextBridge: { exposeInMainWorld: Mock }; ipcRenderer: FakeIpcRenderer }
  exposeInMainWorld = electron.contextBridge.exposeInMainWorld
  ipcRenderer = electron.ipcRenderer
  await import('./index')
  api = exposeInMainWorld.mock.calls[0]![1] as PreloadApi
})

describe('preload', () => {
  it('exposes exactly one key, api, with only invoke and on', () => {
    expect(exposeInMainWorld).toHaveBeenCalledOnce()
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('api')
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('forwards a contract channel with its input', async () => {
    await expect(api.invoke('games:get', { gameId: '0022400718' })).resolves.toEqual({ ok: true, value: null })
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('games:get', { gameId: '0022400718' })
  })

  it('rejects a channel outside the contract without reaching main', async () => {
    ipcRenderer.invoke.mockClear()
    const invoke = api.invoke as (channel: string, input: unknown) => Promise<unknown>
    await expect(invoke('fs:readFile', { path: '/etc/passwd' })).rejects.toThrow(/unknown channel/)
    await expect(invoke('__proto__', {})).rejects.toThrow(/unknown channel/)
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('hands listeners the payload only, never the IpcRendererEvent, and unsubscribes', () => {
    const received: unknown[][] = []
    const unsubscribe = api.on('job:progress', (...args: unknown[]) => received.push(args))
    const payload = { jobId: 'j', kind: 'import', done: 1, total: 2, message: 'a' }
    ipcRenderer.emit('job:progress', { sender: ipcRenderer, senderId: 0 }, payload)
    expect(received).toEqual([[payload]])
    unsubscribe()
    ipcRenderer.emit('job:progress', { sender: ipcRenderer }, payload)
    expect(received).toHaveLength(1)
    expect(ipcRenderer.listenerCount('job:progress')).toBe(0)
  })

  it('refuses to subscribe to an event main never sends', () => {
    const on = api.on as (event: string, callback: () => void) => () => void
    expect(() => on('ipc:anything', () => undefined)).toThrow(/unknown event/)
    expect(ipcRenderer.listenerCount('ipc:anything')).toBe(0)
  })
})
