import type { DatabaseHandle } from '../db/connection'
import { AppFailure } from '../errors/app-failure'
import { downloadJson, sleep } from './http-download'
import { withSource } from './import-failure'
import { failedResult, summarize, type ImportResult, type ImportSummary } from './import-summary'
import { toGameImport } from './nba-game-import'
import { importGame, type GameTmiRunner } from './nba-import.service'
import { readNbaDocument } from './nba-play-by-play'

export const DEFAULT_NBA_BASE_URL = 'https://cdn.nba.com/static/json/liveData/playbyplay'
export const DEFAULT_POLL_INTERVAL_MS = 25_000

export type FetchProgress =
  | { kind: 'download'; gameId: string; url: string; poll: number }
  | { kind: 'retry'; gameId: string; url: string; attempt: number; delayMs: number; cause: string }
  | { kind: 'result'; gameId: string; poll: number; result: ImportResult }
  | { kind: 'wait'; delayMs: number; pending: string[] }

export interface FetchOptions {
  /** Default: env MOMENTUM_NBA_BASE_URL, else the NBA CDN. */
  baseUrl?: string
  retries?: number
  backoffMs?: number
  timeoutMs?: number
  /** Poll until every game is final (or the signal fires). */
  follow?: boolean
  pollIntervalMs?: number
  signal?: AbortSignal
  onProgress?: (progress: FetchProgress) => void
  computeTmi?: boolean
  tmiRunner?: GameTmiRunner
  env?: Record<string, string | undefined>
}

export interface FetchSummary extends ImportSummary {
  /** Rounds of downloads; counts in the summary add up over all of them. */
  polls: number
}

const GAME_ID = /^[0-9A-Za-z_-]{1,64}$/

export function resolveBaseUrl(options: Pick<FetchOptions, 'baseUrl' | 'env'> = {}): string {
  const base = options.baseUrl ?? (options.env ?? process.env).MOMENTUM_NBA_BASE_URL ?? DEFAULT_NBA_BASE_URL
  return base.replace(/\/+$/, '')
}

export function playByPlayUrl(baseUrl: string, gameId: string): string {
  return `${baseUrl}/playbyplay_${gameId}.json`
}

/**
 * Downloads `<baseUrl>/playbyplay_<gameId>.json` for each game and imports it. With `follow`, polls
 * the games that are not final every `pollIntervalMs`; a failed poll is reported and retried at
 * the next round, since a live feed may be briefly missing or broken.
 */
export async function fetchGames(handle: DatabaseHandle, gameIds: readonly string[], options: FetchOptions = {}): Promise<FetchSummary> {
  const baseUrl = resolveBaseUrl(options)
  const results: ImportResult[] = []
  let pending = [...new Set(gameIds)].filter((gameId) => {
    if (GAME_ID.test(gameId)) return true
    results.push(failedResult(gameId, `game "${gameId}": not a valid game id`))
    return false
  })
  let polls = 0
  while (pending.length > 0) {
    polls++
    const finished = new Set<string>()
    for (const gameId of pending) {
      const result = await fetchGame(handle, gameId, baseUrl, polls, options)
      if (result === 'cancelled') return { ...summarize(results, true), polls }
      results.push(result)
      options.onProgress?.({ kind: 'result', gameId, poll: polls, result })
      if (!options.follow || result.status?.startsWith('Final')) finished.add(gameId)
    }
    pending = pending.filter((gameId) => !finished.has(gameId))
    if (pending.length === 0) break
    const delayMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS
    options.onProgress?.({ kind: 'wait', delayMs, pending })
    try {
      await sleep(delayMs, options.signal)
    } catch {
      return { ...summarize(results, true), polls }
    }
  }
  return { ...summarize(results, false), polls }
}

async function fetchGame(
  handle: DatabaseHandle,
  gameId: string,
  baseUrl: string,
  poll: number,
  options: FetchOptions,
): Promise<ImportResult | 'cancelled'> {
  const url = playByPlayUrl(baseUrl, gameId)
  options.onProgress?.({ kind: 'download', gameId, url, poll })
  let document: unknown
  try {
    document = await downloadJson(url, {
      retries: options.retries,
      backoffMs: options.backoffMs,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      onRetry: (retry) => options.onProgress?.({ kind: 'retry', gameId, url, ...retry }),
    })
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'Cancelled') return 'cancelled'
    if (error instanceof AppFailure && error.code === 'NotFound') return failedResult(url, `game ${gameId} not found at ${url}`)
    return failedResult(url, withSource(url, error))
  }
  let parsed
  try {
    parsed = toGameImport(readNbaDocument(document, url), url)
  } catch (error) {
    return failedResult(url, withSource(url, error))
  }
  if (parsed.game.gameId !== gameId) return failedResult(url, `${url}: holds game ${parsed.game.gameId}, not ${gameId}`)
  if (options.signal?.aborted) return 'cancelled'
  return importGame(handle, parsed, url, { computeTmi: options.computeTmi, tmiRunner: options.tmiRunner })
}
