import { isAppUrl, type AppLocation } from './app-url'

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  url: string
  parent: unknown
}

/**
 * Checklist #17: an IPC call is served only when it comes from the app's own page in the top
 * frame. A missing frame (navigated away or destroyed), a subframe, or any other URL is refused.
 */
export function validateSender(frame: SenderFrame | null | undefined, app: AppLocation): boolean {
  if (frame === null || frame === undefined) return false
  if (frame.parent !== null) return false
  return isAppUrl(frame.url, app)
}
