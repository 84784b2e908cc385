/**
 * The only URLs handed to `shell.openExternal`: plain http(s) links with a real host and no
 * credentials. Anything else (file:, smb:, ms-msdt:, javascript:, custom schemes) could start a
 * local program (Electron security checklist #15).
 */
import { parseUrl } from './app-url'

export function isSafeExternalUrl(text: unknown): boolean {
  if (typeof text !== 'string' || text.length > 2048) return false
  const url = parseUrl(text)
  if (url === null) return false
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false
  // `https://docs.example@evil.example` reads as docs.example to a person: refuse userinfo outright.
  if (url.username !== '' || url.password !== '') return false
  return url.hostname !== '' && !/[\s<>"]/.test(text)
}
