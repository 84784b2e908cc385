import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_FILE_NAME } from '../db/database-target'

export interface AppPaths {
  dataDir: string
  defaultDatabase: string
  recentFile: string
}

/** Where the app keeps its files, under Electron's userData folder (or serve's data folder). */
export function appPaths(dataDir: string): AppPaths {
  return { dataDir, defaultDatabase: join(dataDir, DEFAULT_FILE_NAME), recentFile: join(dataDir, 'recent-databases.json') }
}

/** The better-sqlite3 build for Electron's ABI, made by `npm run prepare:electron`. */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
}

/**
 * Under Electron, better-sqlite3 must load a binary built for Electron's ABI: the one prepared in
 * `.native/` (npm start), else none, when electron-builder rebuilt node_modules for the package.
 */
export function findNativeBinding(appRoot: string, versions: NodeJS.ProcessVersions = process.versions): string | undefined {
  const electron = versions.electron
  if (electron === undefined) return undefined
  const path = electronNativeBindingPath(appRoot, electron)
  return existsSync(path) ? path : undefined
}

const DATABASE_EXTENSIONS = /\.(db|sqlite|sqlite3)$/i

/** The database file named on a command line (`momentum-desktop games.db`), if any. */
export function fileArgument(argv: readonly string[]): string | null {
  const candidates = argv.slice(1).filter((arg) => !arg.startsWith('-') && DATABASE_EXTENSIONS.test(arg))
  return candidates.at(-1) ?? null
}
