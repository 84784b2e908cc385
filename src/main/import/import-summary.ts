import type { ErrorCode } from '../../shared/api/result'
import type { AppFailure } from '../errors/app-failure'

/** What happened to one input (a file, or one download of a game). */
export interface ImportResult {
  /** The file path (or URL) as given. */
  source: string
  gameId: string | null
  /** Game status after the import (`Live`, `Final`, `Final OT`), null on failure. */
  status: string | null
  added: number
  unchanged: number
  updated: number
  /** One line, `SOURCE: [action N: ]cause`; null when the input was stored. */
  error: string | null
  /** Why the input failed: a bad file (InvalidInput) or the database (Busy, Unreachable, ...). */
  errorCode: ErrorCode | null
  /** Set when the events were stored but the requested TMI computation failed. */
  tmiError: string | null
}

export interface ImportSummary {
  results: ImportResult[]
  /** Distinct games stored. */
  games: number
  eventsAdded: number
  eventsUnchanged: number
  eventsUpdated: number
  filesFailed: number
  /** Every error line (inputs and TMI), in input order. */
  failures: string[]
  /** True when the signal stopped the run before every input was handled. */
  cancelled: boolean
}

/** A failed input; a plain message is a problem of the input itself (InvalidInput). */
export function failedResult(source: string, failure: string | AppFailure): ImportResult {
  const [error, errorCode]: [string, ErrorCode] = typeof failure === 'string' ? [failure, 'InvalidInput'] : [failure.message, failure.code]
  return { source, gameId: null, status: null, added: 0, unchanged: 0, updated: 0, error, errorCode, tmiError: null }
}

export function summarize(results: ImportResult[], cancelled: boolean): ImportSummary {
  const ok = results.filter((r) => r.error === null)
  return {
    results,
    games: new Set(ok.map((r) => r.gameId)).size,
    eventsAdded: sum(ok, 'added'),
    eventsUnchanged: sum(ok, 'unchanged'),
    eventsUpdated: sum(ok, 'updated'),
    filesFailed: results.length - ok.length,
    failures: results.flatMap((r) => [r.error, r.tmiError].filter((line): line is string => line !== null)),
    cancelled,
  }
}

function sum(results: ImportResult[], key: 'added' | 'unchanged' | 'updated'): number {
  return results.reduce((total, r) => total + r[key], 0)
}
