import { useState } from 'react'
import type { CleanupResult } from '@shared/domain/tmi'
import { call } from '../../lib/api'
import { reportError } from '../../lib/error-store'
import { runJob } from '../jobs/job-store'

export interface Cleanup {
  /** The dry run for `keepTmi`; Run is offered only for the previewed number. */
  preview: (CleanupResult & { keepTmi: number }) | null
  busy: boolean
  runPreview: (keepTmi: number) => Promise<void>
  run: () => Promise<void>
}

export function useCleanup(): Cleanup {
  const [preview, setPreview] = useState<Cleanup['preview']>(null)
  const [busy, setBusy] = useState(false)
  return {
    preview,
    busy,
    async runPreview(keepTmi) {
      setBusy(true)
      const result = await call('admin:cleanupPreview', { keepTmi })
      setBusy(false)
      if (result.ok) setPreview({ ...result.value, keepTmi })
      else reportError('Cleanup preview', result.error)
    },
    async run() {
      if (!preview) return
      setBusy(true)
      await runJob(`Cleanup keeping ${preview.keepTmi} TMI rows per team`, call('admin:cleanup', { keepTmi: preview.keepTmi }))
      setBusy(false)
      setPreview(null)
    },
  }
}
