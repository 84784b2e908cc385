import { EventEmitter } from 'node:events'
import type { App, Session, Shell, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { AppLocation } from './app-url'
import { hardenApp, hardenWebContents, preventForeignNavigation, windowOpenHandler } from './navigation'
import { permissionCheckHandler, permissionRequestHandler } from './permissions'

const app: AppLocation = { kind: 'file', indexUrl: 'file:///app/out/renderer/index.html' }
const dev: AppLocation = { kind: 'dev', origin: 'http://localhost:5173' }

/** A webContents double: an EventEmitter that records the window-open handler. */
function fakeContents() {
  const contents = Object.assign(new EventEmitter(), { openHandler: null as null | ((details: { url: string }) => unknown) })
  return Object.assign(contents, { setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (contents.openHandler = handler) })
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

describe('preventForeignNavigation', () => {
  it.each([
    'https://evil.example',
    'https://example.com.attacker.com',
    'file:///etc/passwd',
    'file:///app/out/renderer/../../secrets.html',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
    'relative/link.html',
  ])('prevents %s', (url) => {
    const event = navigationEvent(url)
    preventForeignNavigation(event, url, app)
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('lets the app page and, in dev, exactly the dev origin through', () => {
    const own = navigationEvent('file:///app/out/renderer/index.html#/games')
    preventForeignNavigation(own, own.url, app)
    expect(own.preventDefault).not.toHaveBeenCalled()
    const devPage = navigationEvent('http://localhost:5173/')
    preventForeignNavigation(devPage, devPage.url, dev)
    expect(devPage.preventDefault).not.toHaveBeenCalled()
    const devOther = navigationEvent('http://localhost:5174/')
    preventForeignNavigation(devOther, devOther.url, dev)
    expect(devOther.preventDefault).toHaveBeenCalledOnce()
  })
})

describe('windowOpenHandler', () => {
  it('always denies, and hands only safe links to the system browser', () => {
    const openExternal = vi.fn()
    for (const url of ['https://www.nba.com/', 'file:///etc/passwd', 'smb://x/y', 'about:blank', 'https://a.example@evil.example/']) {
      expect(windowOpenHandler({ url }, openExternal)).toEqual({ action: 'deny' })
    }
    expect(openExternal.mock.calls).toEqual([['https://www.nba.com/']])
  })
})

describe('hardenWebContents', () => {
  it('guards navigation, frame navigation, redirects and webviews, and denies windows', () => {
    const contents = fakeContents()
    const openExternal = vi.fn()
    hardenWebContents(contents as unknown as WebContents, app, openExternal)
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = navigationEvent('https://evil.example/')
      contents.emit(name, event)
      expect(event.preventDefault, name).toHaveBeenCalledOnce()
    }
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview, {}, {})
    expect(webview.preventDefault).toHaveBeenCalledOnce()
    expect(contents.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })
})

describe('hardenApp', () => {
  it('installs deny-all permission handlers and guards every webContents created later', () => {
    const appEvents = new EventEmitter()
    const defaultSession = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    const shell = { openExternal: vi.fn(() => Promise.resolve()) }
    hardenApp({ app: appEvents as unknown as App, session: { defaultSession: defaultSession as unknown as Session }, shell: shell as unknown as Shell }, app)
    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalledWith(permissionRequestHandler)
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalledWith(permissionCheckHandler)
    const contents = fakeContents()
    appEvents.emit('web-contents-created', {}, contents)
    const event = navigationEvent('https://evil.example/')
    contents.emit('will-navigate', event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
    contents.openHandler?.({ url: 'https://www.nba.com/' })
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.nba.com/')
  })
})

describe('permission handlers', () => {
  const permissions = ['clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'hid', 'media', 'midi', 'midiSysex', 'notifications', 'openExternal', 'pointerLock', 'serial', 'usb', 'unknown']

  it.each(permissions)('refuses a request for %s', (permission) => {
    const callback = vi.fn()
    permissionRequestHandler({}, permission, callback)
    expect(callback).toHaveBeenCalledWith(false)
  })

  it('answers every permission check with false', () => {
    expect(permissionCheckHandler()).toBe(false)
  })
})
