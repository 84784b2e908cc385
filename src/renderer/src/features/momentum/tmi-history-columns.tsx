import { createColumnHelper, tableFeatures } from '@tanstack/react-table'
import type { TmiRecord } from '@shared/domain/tmi'
import { formatDateTime, formatPercent, formatSigned } from '../../lib/format'
import { formatGameTime } from './game-clock'
import { recordElapsed } from './tmi-series'

export const tmiHistoryFeatures = tableFeatures({})

const helper = createColumnHelper<typeof tmiHistoryFeatures, TmiRecord>()

export function formatRecordTime(record: TmiRecord): string {
  const elapsed = recordElapsed(record)
  return elapsed === null ? '—' : formatGameTime(elapsed)
}

export const tmiHistoryColumns = helper.columns([
  helper.accessor('possessionNumber', { id: 'possession', header: 'Poss.', cell: (info) => info.getValue() ?? '—' }),
  helper.accessor(formatRecordTime, { id: 'time', header: 'Game time' }),
  helper.accessor('teamTricode', { id: 'team', header: 'Team' }),
  helper.accessor('tmiValue', { id: 'tmi', header: 'TMI', cell: (info) => formatSigned(info.getValue()) }),
  helper.accessor('rollingWindowSize', { id: 'window', header: 'Window', cell: (info) => info.getValue() ?? '—' }),
  helper.accessor('confidenceScore', { id: 'confidence', header: 'Confidence', cell: (info) => formatPercent(info.getValue()) }),
  helper.accessor('calculatedAt', { id: 'calculated', header: 'Calculated', cell: (info) => formatDateTime(info.getValue()) }),
])

export const TMI_HISTORY_GRID = '64px 96px 64px 80px 72px 96px minmax(140px, 1fr)'
