import { useMemo } from 'react'
import type { GameEvent } from '@shared/domain/events'
import { EmptyState } from '../../components/EmptyState'
import { Panel } from '../../components/Panel'
import { Spinner } from '../../components/Spinner'
import type { TimelineSelection } from '../game/useTimelineSelection'
import type { Teams } from '../momentum/score-series'
import { EventTimeline } from './EventTimeline'
import { formatPlayTime } from './timeline-columns'
import { TimelineFilters, NO_TIMELINE_FILTERS, type TimelineFilterValues } from './TimelineFilters'
import { eventTypes, type TimelineRow } from './timeline-rows'
import type { EventStream } from './useEventStream'

interface TimelinePanelProps {
  rows: TimelineRow[]
  stream: EventStream
  teams: Teams
  periods: number[]
  allEvents: GameEvent[]
  filterValues: TimelineFilterValues
  onFilterChange: (values: TimelineFilterValues) => void
  selection: TimelineSelection
}

export function TimelinePanel({ rows, stream, teams, periods, allEvents, filterValues, onFilterChange, selection }: TimelinePanelProps): React.JSX.Element {
  const types = useMemo(() => eventTypes(allEvents), [allEvents])
  const selected = selection.selection
  const first = selected ? rows[selected.from] : undefined
  const last = selected ? rows[selected.to] : undefined
  const status = (
    <span className="panel-status" aria-live="polite">
      {rows.length.toLocaleString('en-US')} plays{stream.loading && ' · loading more…'}
      {selected && ` · ${selected.to - selected.from + 1} selected`}
      {first && last && ` (${formatPlayTime(first)}${last !== first ? ` – ${formatPlayTime(last)}` : ''})`}
    </span>
  )
  const filtering = JSON.stringify(filterValues) !== JSON.stringify(NO_TIMELINE_FILTERS)
  return (
    <Panel title="Play-by-play" actions={status} className="timeline-panel">
      <TimelineFilters values={filterValues} onChange={onFilterChange} teams={teams} periods={periods} eventTypes={types} />
      {rows.length > 0 ? (
        <EventTimeline rows={rows} teams={teams} selection={selected} scrollRequest={selection.scrollRequest} onSelect={selection.select} />
      ) : stream.loading ? (
        <Spinner label="Loading plays…" />
      ) : (
        <EmptyState title={filtering ? 'No plays match these filters' : 'No plays stored for this game'}>
          {filtering && (
            <button type="button" className="button" onClick={() => onFilterChange(NO_TIMELINE_FILTERS)}>
              Clear filters
            </button>
          )}
        </EmptyState>
      )}
      <p className="hint">Click a play to mark it on the charts, shift-click to mark a span; click a chart to find the play.</p>
    </Panel>
  )
}
