import { readFile } from 'node:fs/promises'
import type { DatabaseHandle } from '../db/connection'
import { firstLine } from '../errors/app-failure'
import { describeFsError, expandInputs } from './import-inputs'
import { withSource } from './import-failure'
import { failedResult, summarize, type ImportResult, type ImportSummary } from './import-summary'
import { parseNbaGame, type GameImport } from './nba-game-import'
import { storeGameImport } from './store-game-import'

/** What this import did to the game's events; lets the runner recompute only when they changed. */
export type StoredCounts = Pick<ImportResult, 'added' | 'unchanged' | 'updated'>

/** Computes and stores TMI for one game; provided by the TMI service (computeGameTmi). */
export type GameTmiRunner = (handle: DatabaseHandle, gameId: string, stored: StoredCounts) => Promise<unknown>

export interface ImportProgress {
  /** 1-based position among the expanded inputs. */
  index: number
  total: number
  result: ImportResult
}

export interface ImportOptions {
  /** Run TMI for every game stored (needs `tmiRunner`). */
  computeTmi?: boolean
  tmiRunner?: GameTmiRunner
  onProgress?: (progress: ImportProgress) => void
  /** Checked between files: a file is stored whole or not at all. */
  signal?: AbortSignal
  /** The name a file is reported under (an upload's original name instead of its temp path). */
  labelOf?: (file: string) => string
}

/**
 * Imports NBA liveData play-by-play files (a directory means every *.json in it). Each file is
 * read once, validated whole, then stored with its game row in one transaction; a bad file is
 * reported and skipped, and the others still import.
 */
export async function importFiles(handle: DatabaseHandle, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const inputs = await expandInputs(paths)
  const results: ImportResult[] = []
  for (const [position, input] of inputs.entries()) {
    if (options.signal?.aborted) return summarize(results, true)
    const result = 'error' in input ? failedInput(input.path, input.error, options) : await importFile(handle, input.file, options)
    results.push(result)
    options.onProgress?.({ index: position + 1, total: inputs.length, result })
  }
  return summarize(results, false)
}

/** expandInputs words its errors `PATH: cause`; they name the input as labelOf does. */
function failedInput(path: string, error: string, options: ImportOptions): ImportResult {
  const label = options.labelOf?.(path) ?? path
  return failedResult(label, error.startsWith(`${path}: `) ? `${label}: ${error.slice(path.length + 2)}` : error)
}

async function importFile(handle: DatabaseHandle, file: string, options: ImportOptions): Promise<ImportResult> {
  const source = options.labelOf?.(file) ?? file
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return failedResult(source, `${source}: ${describeFsError(error)}`)
  }
  let parsed: GameImport
  try {
    parsed = parseNbaGame(text, source)
  } catch (error) {
    return failedResult(source, withSource(source, error))
  }
  return importGame(handle, parsed, source, options)
}

/** Stores one parsed game (file or download) and runs TMI when asked; never throws. */
export async function importGame(handle: DatabaseHandle, parsed: GameImport, source: string, options: ImportOptions): Promise<ImportResult> {
  let stored
  try {
    stored = await storeGameImport(handle, parsed)
  } catch (error) {
    return failedResult(source, withSource(source, error))
  }
  const result: ImportResult = {
    source,
    gameId: parsed.game.gameId,
    status: parsed.game.status,
    added: stored.stored,
    unchanged: stored.unchanged,
    updated: stored.updated,
    error: null,
    errorCode: null,
    tmiError: null,
  }
  if (options.computeTmi) result.tmiError = await runTmi(handle, parsed.game.gameId, source, options.tmiRunner, result)
  return result
}

async function runTmi(handle: DatabaseHandle, gameId: string, source: string, runner: GameTmiRunner | undefined, stored: StoredCounts): Promise<string | null> {
  if (!runner) return `${source}: TMI: computing TMI is not available here`
  try {
    await runner(handle, gameId, { added: stored.added, unchanged: stored.unchanged, updated: stored.updated })
    return null
  } catch (error) {
    return `${source}: TMI: ${firstLine(error instanceof Error ? error.message : String(error))}`
  }
}
