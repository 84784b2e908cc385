/**
 * The app never navigates and never opens windows (checklist #12, #13, #14). Every webContents
 * gets these guards from `app.on('web-contents-created')`, so a window created later is covered
 * too. Links the page opens (target=_blank, window.open) go to the system browser only when
 * `isSafeExternalUrl` accepts them; the window itself is always denied.
 */
import type { App, Session, Shell, WebContents } from 'electron'
import { isAppUrl, type AppLocation } from './app-url'
import { isSafeExternalUrl } from './external-links'
import { denyAllPermissions } from './permissions'

interface Preventable {
  preventDefault(): void
}

/** Cancels a navigation unless it stays on the app's own page. */
export function preventForeignNavigation(event: Preventable, url: unknown, app: AppLocation): void {
  if (!isAppUrl(url, app)) event.preventDefault()
}

export function windowOpenHandler(details: { url: string }, openExternal: (url: string) => void): { action: 'deny' } {
  if (isSafeExternalUrl(details.url)) openExternal(details.url)
  return { action: 'deny' }
}

export function hardenWebContents(contents: WebContents, app: AppLocation, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => preventForeignNavigation(event, event.url, app))
  contents.on('will-frame-navigate', (event) => preventForeignNavigation(event, event.url, app))
  contents.on('will-redirect', (event) => preventForeignNavigation(event, event.url, app))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler((details) => windowOpenHandler(details, openExternal))
}

/** Installs the permission handlers and the per-webContents guards; call before the first window. */
export function hardenApp(electron: { app: App; session: { defaultSession: Session }; shell: Shell }, location: AppLocation): void {
  denyAllPermissions(electron.session.defaultSession)
  const openExternal = (url: string): void => void electron.shell.openExternal(url).catch(() => undefined)
  electron.app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location, openExternal))
}
