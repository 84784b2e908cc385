import { useState } from 'react'
import type { TmiAlgorithmName } from '@shared/api/contract'
import type { TmiRecord } from '@shared/domain/tmi'
import { call } from '../../lib/api'
import { useApiQuery } from '../../lib/useApiQuery'
import { runJob } from '../jobs/job-store'

export interface TmiState {
  records: TmiRecord[]
  loading: boolean
  computing: boolean
  exporting: boolean
  /** Recomputes with another window; the history refetches when the job ends. */
  compute: (windowSize: number, algorithm: string | null) => Promise<void>
  /** Writes the CSV (a save location in the app, a download in serve). */
  exportCsv: (algorithm: string | null) => Promise<void>
}

const NO_RECORDS: TmiRecord[] = []
const MAX_RECORDS = 100_000

export function toAlgorithmName(algorithm: string | null): TmiAlgorithmName | undefined {
  return algorithm === 'momentum-2' || algorithm === 'momentumml-1' ? algorithm : undefined
}

export function useTmi(gameId: string): TmiState {
  const history = useApiQuery('tmi:history', { gameId, limit: MAX_RECORDS, order: 'asc' }, { domains: ['tmi'], context: 'Loading the TMI history' })
  const [computing, setComputing] = useState(false)
  const [exporting, setExporting] = useState(false)
  return {
    records: history.data ?? NO_RECORDS,
    loading: history.loading,
    computing,
    exporting,
    async compute(windowSize, algorithm) {
      setComputing(true)
      const name = toAlgorithmName(algorithm) ?? 'momentum-2'
      await runJob(`TMI, window of ${windowSize} possessions`, call('tmi:compute', { gameId, windowSize, algorithm: name }))
      setComputing(false)
    },
    async exportCsv(algorithm) {
      setExporting(true)
      const name = toAlgorithmName(algorithm)
      await runJob('Export TMI CSV', call('export:tmi', name ? { gameId, algorithm: name } : { gameId }))
      setExporting(false)
    },
  }
}
