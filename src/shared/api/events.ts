import type { DatabaseInfo, JobFinished, JobProgress } from '../domain/admin'

/** Main → renderer pushes (IPC `webContents.send`, or server-sent events in `momentum serve`). */
export interface MainEvents {
  'job:progress': JobProgress
  'job:finished': JobFinished
  /** The open database changed (opened, reset, restored, migrated). */
  'db:changed': DatabaseInfo | null
}

export type MainEventName = keyof MainEvents
export const mainEventNames = ['job:progress', 'job:finished', 'db:changed'] as const satisfies readonly MainEventName[]

/**
 * Not a MainEvents name and never sent over IPC: the server-sent stream's own signal that the page
 * may have missed events it cannot replay (a new page, a gap longer than the replay buffer, ids of
 * an earlier server run), so the page re-reads the state it follows.
 */
export const RESYNC_EVENT = 'resync'
