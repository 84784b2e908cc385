/**
 * The IPC security boundary, and the only file that touches `ipcMain` (STYLE.md 6; Electron
 * security checklist #17). Every contract channel is registered here and nowhere else. A call is
 * served only when its sender is the app's own page in the top frame; then `callChannel` validates
 * the input with the channel's schema before the handler runs, and returns a `Result`.
 */
import { ipcMain } from 'electron'
import { channels } from '../../shared/api/contract'
import type { Result } from '../../shared/api/result'
import type { AppLocation } from '../security/app-url'
import { validateSender, type SenderFrame } from '../security/sender'
import { callChannel, type Handlers } from './call-channel'

const REFUSED: Result<never> = { ok: false, error: { code: 'InvalidInput', message: 'call refused: it did not come from the app window' } }

/** Registers every channel; returns a function that removes them again. */
export function registerHandlers(handlers: Handlers, app: AppLocation, log: (...args: unknown[]) => void = console.error): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      const frame = senderFrameOf(event)
      if (!validateSender(frame, app)) {
        log(`[${channel}] refused a call from ${frame?.url ?? 'a frame that is gone'}`)
        return REFUSED
      }
      return callChannel(handlers, channel, input, log)
    })
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

/** Reading a destroyed frame throws; a sender we cannot read is no sender. */
function senderFrameOf(event: { senderFrame: SenderFrame | null }): SenderFrame | null {
  try {
    const frame = event.senderFrame
    return frame === null ? null : { url: frame.url, parent: frame.parent }
  } catch {
    return null
  }
}
