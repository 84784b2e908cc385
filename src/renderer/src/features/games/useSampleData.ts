import { useState } from 'react'
import { call } from '../../lib/api'
import { runJob } from '../jobs/job-store'

export const SAMPLE_GAMES = 30

/** Fills the open database with generated games (a job; the lists refresh when it ends). */
export function useSampleData(): { load: (games?: number) => Promise<void>; busy: boolean } {
  const [busy, setBusy] = useState(false)
  return {
    busy,
    async load(games = SAMPLE_GAMES) {
      setBusy(true)
      try {
        await runJob(`Load ${games} sample games`, call('demo:fill', { games }))
      } finally {
        setBusy(false)
      }
    },
  }
}
