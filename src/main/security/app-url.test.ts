import { describe, expect, it } from 'vitest'
import { isAppUrl, resolveAppLocation, type AppLocation } from './app-url'

const packaged: AppLocation = { kind: 'file', indexUrl: 'file:///opt/MomentumML/resources/app.asar/out/renderer/index.html' }
const dev: AppLocation = { kind: 'dev', origin: 'http://localhost:5173' }

describe('isAppUrl', () => {
  it('accepts the app page with a hash or query', () => {
    expect(isAppUrl('file:///opt/MomentumML/resources/app.asar/out/renderer/index.html', packaged)).toBe(true)
    expect(isAppUrl('file:///opt/MomentumML/resources/app.asar/out/renderer/index.html#/games?x=1', packaged)).toBe(true)
  })

  it.each([
    'file:///opt/MomentumML/resources/app.asar/out/renderer/other.html',
    'file:///etc/passwd',
    'file://evil-host/opt/MomentumML/resources/app.asar/out/renderer/index.html',
    'https://evil.example/',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/relative/link',
    '',
    null,
    42,
  ])('refuses %s on a packaged app', (url) => {
    expect(isAppUrl(url, packaged)).toBe(false)
  })

  it('accepts exactly the dev origin in dev', () => {
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isAppUrl('http://localhost:5173.attacker.com/', dev)).toBe(false)
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false)
  })
})

describe('resolveAppLocation', () => {
  it('uses the dev server only when unpackaged and the variable is a URL', () => {
    expect(resolveAppLocation(packaged.indexUrl, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual(dev)
    expect(resolveAppLocation(packaged.indexUrl, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toEqual(packaged)
    expect(resolveAppLocation(packaged.indexUrl, { ELECTRON_RENDERER_URL: 'not a url' }, false)).toEqual(packaged)
    expect(resolveAppLocation(packaged.indexUrl, {}, false)).toEqual(packaged)
  })
})
