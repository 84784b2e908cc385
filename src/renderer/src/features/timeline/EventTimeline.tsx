import type { KeyboardEvent } from 'react'
import { useTable } from '@tanstack/react-table'
import { VirtualTable, type ScrollRequest } from '../../components/VirtualTable'
import type { Teams } from '../momentum/score-series'
import { TIMELINE_GRID, timelineColumns, timelineFeatures } from './timeline-columns'
import type { TimelineRow } from './timeline-rows'
import { isRowSelected, type RowSelection } from './timeline-selection'

interface EventTimelineProps {
  rows: TimelineRow[]
  teams: Teams
  selection: RowSelection | null
  scrollRequest: ScrollRequest | null
  /** `fromKeyboard` asks to keep the row in view. */
  onSelect: (index: number, extend: boolean, fromKeyboard?: boolean) => void
}

/** The play-by-play; click selects a play, shift-click a range, arrow keys step through plays. */
export function EventTimeline({ rows, teams, selection, scrollRequest, onSelect }: EventTimelineProps): React.JSX.Element {
  const table = useTable({ features: timelineFeatures, columns: timelineColumns, data: rows, getRowId: (row) => row.event.eventId, meta: { teams } })

  function onKeyDown(event: KeyboardEvent): void {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step === 0 || rows.length === 0) return
    event.preventDefault()
    const from = selection ? (step > 0 ? selection.to : selection.from) : -1
    const index = Math.max(0, Math.min(rows.length - 1, from + step))
    onSelect(index, event.shiftKey, true)
  }

  return (
    <VirtualTable
      table={table}
      label="Play-by-play timeline"
      columns={TIMELINE_GRID}
      isSelected={(index) => isRowSelected(selection, index)}
      scrollRequest={scrollRequest}
      onRowClick={(index, event) => onSelect(index, event.shiftKey)}
      onKeyDown={onKeyDown}
      className="timeline"
    />
  )
}
