import { existsSync, linkSync, renameSync } from 'node:fs'

/**
 * Gives a finished temp file its final name without ever replacing an existing file: link() fails
 * with EEXIST instead. rename() is the fallback on file systems without hard links.
 * Returns false when the name is taken; the caller still owns (and removes) the temp file.
 */
export function publishFile(temp: string, file: string): boolean {
  try {
    linkSync(temp, file)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error
  }
  if (existsSync(file)) return false
  renameSync(temp, file)
  return true
}
