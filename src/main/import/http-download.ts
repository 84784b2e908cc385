import { AppFailure } from '../errors/app-failure'
import { parseJson } from './nba-play-by-play'

export interface DownloadOptions {
  /** Extra attempts after the first (default 3, as the original fetcher). */
  retries?: number
  /** First retry delay; doubles each retry, capped at 60 s (default 1000). */
  backoffMs?: number
  /** Per-attempt limit for the whole request, body included (default 30 s). */
  timeoutMs?: number
  signal?: AbortSignal
  onRetry?: (retry: { attempt: number; delayMs: number; cause: string }) => void
}

export const DEFAULT_RETRIES = 3
export const DEFAULT_BACKOFF_MS = 1_000
export const DEFAULT_TIMEOUT_MS = 30_000
const MAX_DELAY_MS = 60_000

/** Failures worth another attempt: the network, a timeout, a 5xx/429, a cut-off or garbled body. */
class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs = 0,
  ) {
    super(message)
  }
}

/**
 * GETs a JSON document with retry and exponential backoff. A 404/403 (the CDN's answer for an
 * unknown game) and other 4xx fail at once as `NotFound`/`Unreachable`; cancellation as `Cancelled`.
 */
export async function downloadJson(url: string, options: DownloadOptions = {}): Promise<unknown> {
  const retries = options.retries ?? DEFAULT_RETRIES
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS
  for (let attempt = 0; ; attempt++) {
    throwIfCancelled(url, options.signal)
    try {
      return await attemptDownload(url, options)
    } catch (error) {
      if (!(error instanceof Transient)) throw error
      throwIfCancelled(url, options.signal)
      if (attempt >= retries) {
        throw new AppFailure('Unreachable', `${url}: ${error.message} (gave up after ${attempt + 1} attempt${attempt ? 's' : ''})`)
      }
      const delayMs = Math.min(MAX_DELAY_MS, Math.max(backoffMs * 2 ** attempt, error.retryAfterMs))
      options.onRetry?.({ attempt: attempt + 1, delayMs, cause: error.message })
      await sleep(delayMs, options.signal).catch(() => throwIfCancelled(url, options.signal))
    }
  }
}

async function attemptDownload(url: string, options: DownloadOptions): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const timeout = AbortSignal.timeout(timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  let text: string
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/json' } })
    if (response.status === 404 || response.status === 403) {
      await response.body?.cancel()
      throw new AppFailure('NotFound', `not found at ${url} (HTTP ${response.status})`)
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel()
      throw new Transient(`HTTP ${response.status}`, retryAfterMs(response.headers.get('retry-after')))
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new AppFailure('Unreachable', `${url}: HTTP ${response.status}`)
    }
    text = await response.text()
  } catch (error) {
    if (error instanceof AppFailure || error instanceof Transient) throw error
    throwIfCancelled(url, options.signal)
    if (timeout.aborted) throw new Transient(`no complete answer within ${timeoutMs} ms`)
    throw new Transient(networkCause(error))
  }
  try {
    return parseJson(text, url)
  } catch {
    throw new Transient(`body is not valid JSON (${text.length} characters; truncated?)`)
  }
}

function networkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}

function retryAfterMs(header: string | null): number {
  const seconds = header === null ? NaN : Number(header)
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0
}

function throwIfCancelled(url: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppFailure('Cancelled', `${url}: download cancelled`)
}

/** Waits `ms`, or rejects as Cancelled when the signal fires first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AppFailure('Cancelled', 'cancelled'))
    const onAbort = () => {
      clearTimeout(timer)
      reject(new AppFailure('Cancelled', 'cancelled'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
