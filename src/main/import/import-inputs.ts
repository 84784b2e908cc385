import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** An input path expanded: the files to import, or the one-line reason it gives none. */
export type ExpandedInput = { file: string } | { path: string; error: string }

/** A directory stands for every `*.json` directly inside it, in name order. */
export async function expandInputs(paths: readonly string[], extensions: readonly string[] = ['.json']): Promise<ExpandedInput[]> {
  const expanded: ExpandedInput[] = []
  for (const path of paths) {
    let isDirectory: boolean
    try {
      isDirectory = (await stat(path)).isDirectory()
    } catch (error) {
      expanded.push({ path, error: `${path}: ${describeFsError(error)}` })
      continue
    }
    if (!isDirectory) {
      expanded.push({ file: path })
      continue
    }
    let entries
    try {
      entries = await readdir(path, { withFileTypes: true })
    } catch (error) {
      expanded.push({ path, error: `${path}: ${describeFsError(error)}` })
      continue
    }
    const names = entries
      .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.toLowerCase().endsWith(ext)))
      .map((entry) => entry.name)
      .sort()
    if (names.length === 0) expanded.push({ path, error: `${path}: no ${extensions.join(' or ')} files in this directory` })
    for (const name of names) expanded.push({ file: join(path, name) })
  }
  return expanded
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOENT') return 'does not exist'
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)'
  if (code === 'EISDIR') return 'is a directory'
  return `cannot be read (${error instanceof Error ? error.message : String(error)})`
}
