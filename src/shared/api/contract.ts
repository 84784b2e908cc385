/**
 * The one API contract: every renderer → main call, with its input and result. Both transports
 * (the preload over IPC, and HTTP in `momentum serve`) carry exactly these calls. No runtime
 * dependencies, so the sandboxed preload can bundle it.
 */
import type { BackupInfo, DatabaseInfo, JobsSnapshot, JobStarted, MigrationReport, RecentDatabase } from '../domain/admin'
import type { EventPage, EventPageQuery } from '../domain/events'
import type { GameInfo, GamePage, GameListQuery, GameSummary } from '../domain/games'
import type { HealthReport } from '../domain/health'
import type { CleanupResult, TmiHistoryQuery, TmiRecord } from '../domain/tmi'

export type TmiAlgorithmName = 'momentum-2' | 'momentumml-1'

export interface Api {
  /** The open database, or null when none is open. */
  'db:current': (input: Record<string, never>) => DatabaseInfo | null
  /** Recently opened databases (ids only; main keeps the paths). */
  'db:recent': (input: Record<string, never>) => RecentDatabase[]
  /** Shows the Open dialog in main (app) and opens the picked file. Null when cancelled. */
  'db:openDialog': (input: { readonly: boolean }) => DatabaseInfo | null
  /** Opens a file main gave an id to (recent list, dropped file). */
  'db:openRecent': (input: { id: string; readonly: boolean }) => DatabaseInfo
  /** Connects to a PostgreSQL URL. */
  'db:connect': (input: { url: string }) => DatabaseInfo
  'migrations:status': (input: Record<string, never>) => MigrationReport
  'migrations:migrate': (input: { to?: string }) => JobStarted
  'health:check': (input: Record<string, never>) => HealthReport
  'games:list': (input: GameListQuery) => GamePage
  'games:get': (input: { gameId: string }) => GameSummary
  /** A game's events in game order, one keyset page at a time (pass back `nextCursor`). */
  'events:page': (input: EventPageQuery) => EventPage
  'tmi:history': (input: TmiHistoryQuery) => TmiRecord[]
  /** Recomputes one game's TMI with another window (replacing that algorithm's rows). */
  'tmi:compute': (input: { gameId: string; windowSize: number; algorithm: TmiAlgorithmName }) => JobStarted
  'admin:cleanupPreview': (input: { gameId?: string; keepTmi: number }) => CleanupResult
  'admin:cleanup': (input: { gameId?: string; keepTmi: number }) => JobStarted
  'admin:backup': (input: Record<string, never>) => JobStarted
  'admin:backups': (input: Record<string, never>) => BackupInfo[]
  'admin:restore': (input: { backupId: string; confirm: 'RESTORE' }) => DatabaseInfo
  'admin:reset': (input: { confirm: 'RESET' }) => DatabaseInfo
  'admin:drop': (input: { confirm: 'DROP' }) => DatabaseInfo
  /** Shows the file picker in main (app) / takes uploaded files (serve), then imports them. */
  'import:files': (input: { fileIds?: string[] }) => JobStarted
  /** Fills the open database with generated sample games. */
  'demo:fill': (input: { games: number; seed?: number }) => JobStarted
  /** Main chooses where to write (save dialog, or a download in serve). */
  'export:tmi': (input: { gameId?: string; team?: string; algorithm?: TmiAlgorithmName }) => JobStarted
  'jobs:cancel': (input: { jobId: string }) => { cancelled: boolean }
  /** Opens an http(s) link in the system browser; anything else is refused. */
  'app:openExternal': (input: { url: string }) => { opened: boolean }
  /** Running and recently finished jobs: a page re-reads them when it may have missed job pushes. */
  'jobs:list': (input: Record<string, never>) => JobsSnapshot
}

export type Channel = keyof Api
export type ApiInput<C extends Channel> = Parameters<Api[C]>[0]
export type ApiOutput<C extends Channel> = ReturnType<Api[C]>

export const channels = [
  'db:current', 'db:recent', 'db:openDialog', 'db:openRecent', 'db:connect',
  'migrations:status', 'migrations:migrate', 'health:check',
  'games:list', 'games:get', 'events:page', 'tmi:history', 'tmi:compute',
  'admin:cleanupPreview', 'admin:cleanup', 'admin:backup', 'admin:backups', 'admin:restore', 'admin:reset', 'admin:drop',
  'import:files', 'demo:fill', 'export:tmi', 'jobs:cancel', 'app:openExternal',
  'jobs:list',
] as const satisfies readonly Channel[]

// Fails to compile when a channel of Api is missing from the list above.
type Missing = Exclude<Channel, (typeof channels)[number]>
const everyChannelListed: Missing extends never ? true : Missing = true
void everyChannelListed

export type { GameInfo }
