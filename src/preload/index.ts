/**
 * The sandboxed preload: an allowlisted bridge with no logic (STYLE.md 7; Electron's
 * context-isolation guide, "one method per message"). It exposes exactly `window.api` with
 * `invoke` for the contract's channels and `on` for main's events. The IpcRendererEvent never
 * reaches the page (it carries `sender`, i.e. ipcRenderer), and nothing of process or its env is
 * exposed. Built as one self-contained CommonJS file: a sandboxed preload can require only electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { channels } from '../shared/api/contract'
import { mainEventNames } from '../shared/api/events'
import type { PreloadApi } from './preload-api'

const allowedChannels: ReadonlySet<string> = new Set(channels)
const allowedEvents: ReadonlySet<string> = new Set(mainEventNames)

const api: PreloadApi = {
  invoke(channel, input) {
    if (!allowedChannels.has(channel)) return Promise.reject(new Error(`unknown channel ${String(channel)}`))
    return ipcRenderer.invoke(channel, input)
  },
  on(event, callback) {
    if (!allowedEvents.has(event)) throw new Error(`unknown event ${String(event)}`)
    const listener = (_event: IpcRendererEvent, payload: unknown): void => callback(payload as Parameters<typeof callback>[0])
    ipcRenderer.on(event, listener)
    return () => {
      ipcRenderer.removeListener(event, listener)
    }
  },
}

contextBridge.exposeInMainWorld('api', api)
