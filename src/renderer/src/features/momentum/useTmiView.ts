import { useMemo, useState } from 'react'
import type { TmiRecord } from '@shared/domain/tmi'
import type { Teams } from './score-series'
import { algorithmOf, defaultAlgorithm, tmiAlgorithms, tmiSeries, type TmiSeries } from './tmi-series'
import { useTmi, type TmiState } from './useTmi'

export interface TmiView {
  tmi: TmiState
  algorithms: string[]
  algorithm: string | null
  setAlgorithm: (algorithm: string) => void
  /** The chosen algorithm's rows. */
  records: TmiRecord[]
  series: TmiSeries
}

/** A game's TMI rows, the algorithm shown (momentum-2 unless picked) and its chart series. */
export function useTmiView(gameId: string, teams: Teams): TmiView {
  const tmi = useTmi(gameId)
  const algorithms = useMemo(() => tmiAlgorithms(tmi.records), [tmi.records])
  const [picked, setPicked] = useState<string | null>(null)
  const algorithm = picked !== null && algorithms.includes(picked) ? picked : defaultAlgorithm(algorithms)
  const records = useMemo(() => tmi.records.filter((record) => algorithm === null || algorithmOf(record) === algorithm), [tmi.records, algorithm])
  const series = useMemo(() => tmiSeries(records, teams, algorithm), [records, teams, algorithm])
  return { tmi, algorithms, algorithm, setAlgorithm: setPicked, records, series }
}
