import type { TmiAlgorithmName } from '../../shared/api/contract'
import type { AppError } from '../../shared/api/result'
import type { JobKind } from '../../shared/domain/admin'
import type { WorkerDatabase } from '../session/database-session'

/** One unit of long work, as plain data: it is posted to the worker thread that does it. */
export type JobRequest =
  /** `names`: path → the name the user gave (an upload's file name), used in messages instead of the path. */
  | { kind: 'import'; paths: string[]; computeTmi: boolean; names?: Record<string, string> }
  | { kind: 'export'; path: string; gameId?: string; team?: string; algorithm?: TmiAlgorithmName }
  | { kind: 'tmi'; gameId: string; windowSize: number; algorithm: TmiAlgorithmName }
  | { kind: 'cleanup'; gameId?: string; keepTmi: number }
  | { kind: 'migrate'; to?: string }
  | { kind: 'backup' }
  | { kind: 'demo'; games: number; seed?: number }

/** Kinds that write to the database: refused on a read-only session, and one at a time. */
export const WRITING_KINDS: ReadonlySet<JobKind> = new Set(['import', 'tmi', 'cleanup', 'migrate', 'demo'])

export interface WorkerInput {
  database: WorkerDatabase
  request: JobRequest
}

/** Worker → main. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number | null; message: string }
  | { type: 'finished'; ok: true; message: string }
  | { type: 'finished'; ok: false; error: AppError }

/** Main → worker. */
export type ControlMessage = { type: 'cancel' }
