/**
 * What "our own page" means. The packaged renderer is one file (`out/renderer/index.html`, loaded
 * with loadFile); in `electron-vite dev` it is the dev server's origin. URLs are always parsed
 * with `new URL` and compared by parts, never with `startsWith` (Electron security checklist #13).
 */
export type AppLocation = { kind: 'file'; indexUrl: string } | { kind: 'dev'; origin: string }

export function parseUrl(text: unknown): URL | null {
  if (typeof text !== 'string') return null
  try {
    return new URL(text)
  } catch {
    return null
  }
}

/** True only for the app's own index.html (any hash or query) or, in dev, the exact dev origin. */
export function isAppUrl(text: unknown, app: AppLocation): boolean {
  const url = parseUrl(text)
  if (url === null) return false
  if (app.kind === 'dev') return url.origin !== 'null' && url.origin === parseUrl(app.origin)?.origin
  const index = parseUrl(app.indexUrl)
  return index !== null && url.protocol === 'file:' && index.protocol === 'file:' && url.host === index.host && url.pathname === index.pathname
}

/** The dev server's origin under `electron-vite dev` (never in a packaged app), else the built index.html. */
export function resolveAppLocation(indexUrl: string, env: NodeJS.ProcessEnv, isPackaged: boolean): AppLocation {
  const dev = env.ELECTRON_RENDERER_URL
  if (!isPackaged && dev !== undefined && parseUrl(dev) !== null) return { kind: 'dev', origin: dev }
  return { kind: 'file', indexUrl }
}
