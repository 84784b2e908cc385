import { useState } from 'react'
import type { Result } from '@shared/api/result'
import type { DatabaseInfo } from '@shared/domain/admin'
import { call } from '../../lib/api'
import { bumpData } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'

/** Reset (empty schema) and Drop (remove the data); main writes a backup before either. */
export function useDangerZone(): { busy: boolean; reset: () => Promise<void>; drop: () => Promise<void> } {
  const [busy, setBusy] = useState(false)
  async function perform(context: string, work: () => Promise<Result<DatabaseInfo>>): Promise<void> {
    setBusy(true)
    const result = await work()
    setBusy(false)
    if (result.ok) bumpData()
    else reportError(context, result.error)
  }
  return {
    busy,
    reset: () => perform('Resetting the database', () => call('admin:reset', { confirm: 'RESET' })),
    drop: () => perform('Dropping the database', () => call('admin:drop', { confirm: 'DROP' })),
  }
}
