import { describe, expect, it } from 'vitest'
import type { AppLocation } from './app-url'
import { validateSender } from './sender'

const app: AppLocation = { kind: 'file', indexUrl: 'file:///app/out/renderer/index.html' }

describe('validateSender', () => {
  it('accepts the app page in the top frame', () => {
    expect(validateSender({ url: 'file:///app/out/renderer/index.html', parent: null }, app)).toBe(true)
  })

  it('refuses a foreign page, a missing frame and a subframe of the app', () => {
    expect(validateSender({ url: 'https://evil.example/', parent: null }, app)).toBe(false)
    expect(validateSender(null, app)).toBe(false)
    expect(validateSender(undefined, app)).toBe(false)
    expect(validateSender({ url: 'file:///app/out/renderer/index.html', parent: {} }, app)).toBe(false)
    expect(validateSender({ url: 'about:blank', parent: null }, app)).toBe(false)
  })
})
