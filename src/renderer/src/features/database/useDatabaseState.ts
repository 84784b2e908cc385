import { useEffect } from 'react'
import type { DatabaseInfo, RecentDatabase } from '@shared/domain/admin'
import type { AppError, Result } from '@shared/api/result'
import { call, onResync, subscribe } from '../../lib/api'
import { bumpData } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'
import { useApiQuery } from '../../lib/useApiQuery'

export interface DatabaseState {
  info: DatabaseInfo | null
  /** False until the first answer: don't show "no database" before we know. */
  known: boolean
  error: AppError | null
  recent: RecentDatabase[]
  openDialog: (readonly: boolean) => Promise<void>
  openRecent: (id: string, readonly: boolean) => Promise<void>
  connect: (url: string) => Promise<boolean>
}

const NONE = {}

/** The open database, kept current through db:changed; the App owns one and shares it by context. */
export function useDatabaseState(): DatabaseState {
  const current = useApiQuery('db:current', NONE, { domains: ['database'], context: 'Reading the open database' })
  const recent = useApiQuery('db:recent', NONE, { domains: ['database'], context: 'Reading recent databases' })

  useEffect(() => subscribe('db:changed', () => bumpData()), [])
  // A db:changed sent while the event stream was down is not replayed past the buffer: re-read.
  useEffect(() => onResync(() => bumpData()), [])

  async function switchTo(context: string, pending: Promise<Result<DatabaseInfo | null>>): Promise<boolean> {
    const result = await pending
    if (!result.ok) {
      reportError(context, result.error)
      return false
    }
    if (result.value !== null) bumpData()
    return result.value !== null
  }

  return {
    info: current.data ?? null,
    known: current.data !== undefined || current.error !== null,
    error: current.error,
    recent: recent.data ?? [],
    openDialog: async (readonly) => void (await switchTo('Opening a database', call('db:openDialog', { readonly }))),
    openRecent: async (id, readonly) => void (await switchTo('Opening a recent database', call('db:openRecent', { id, readonly }))),
    connect: (url) => switchTo('Connecting to PostgreSQL', call('db:connect', { url })),
  }
}
