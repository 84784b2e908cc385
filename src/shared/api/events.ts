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
