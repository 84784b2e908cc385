import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from './external-links'

describe('isSafeExternalUrl', () => {
  it.each(['https://www.nba.com/game/0022400718', 'http://example.com/docs', 'https://github.com/org/repo#readme'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'data:text/html,hi',
    'vscode://file/etc/passwd',
    'https://allowed.example@evil.example/',
    'https://user:pass@example.com/',
    'https://',
    '/just/a/path',
    'C:\\Windows\\system32\\calc.exe',
    `https://example.com/${'a'.repeat(3000)}`,
    'https://example.com/"onmouseover',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it.each([null, undefined, 42, {}, ['https://example.com']])('refuses the non-string %s', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false)
  })
})
