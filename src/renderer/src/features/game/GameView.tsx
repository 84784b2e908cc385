import { useMemo, useState } from 'react'
import type { GameSummary } from '@shared/domain/games'
import { useDebouncedValue } from '../../lib/useDebouncedValue'
import { useThemeColors } from '../../lib/useThemeColors'
import { gameTimeDomain, periodTicks } from '../momentum/chart-axis'
import type { ChartFrame } from '../momentum/chart-marks'
import { periodBoundaries } from '../momentum/game-clock'
import { ScorePanel } from '../momentum/ScorePanel'
import { TmiHistoryPanel } from '../momentum/TmiHistoryPanel'
import { TmiPanel } from '../momentum/TmiPanel'
import { useTmiView } from '../momentum/useTmiView'
import { TimelinePanel } from '../timeline/TimelinePanel'
import { NO_TIMELINE_FILTERS, type TimelineFilterValues } from '../timeline/TimelineFilters'
import { periods, runningScores, toTimelineRows } from '../timeline/timeline-rows'
import { useEventStream, type EventFilters } from '../timeline/useEventStream'
import { GameHeader } from './GameHeader'
import { useTimelineSelection } from './useTimelineSelection'

const ALL_EVENTS: EventFilters = {}

/** Server-side filters for the timeline, or null when none is set (the full stream is reused). */
export function toEventFilters(values: TimelineFilterValues): EventFilters | null {
  const filters: EventFilters = {}
  if (values.team) filters.team = values.team
  if (values.period) filters.period = Number(values.period)
  if (values.eventType) filters.eventType = values.eventType
  if (values.search.trim()) filters.search = values.search.trim()
  return Object.keys(filters).length > 0 ? filters : null
}

/** One game: charts over game time, the virtualized play-by-play and the TMI history, linked by selection. */
export function GameView({ game }: { game: GameSummary }): React.JSX.Element {
  const teams = useMemo(() => ({ home: game.homeTeam, away: game.awayTeam }), [game.homeTeam, game.awayTeam])
  const colors = useThemeColors()
  const all = useEventStream(game.gameId, ALL_EVENTS)
  const [filterValues, setFilterValues] = useState(NO_TIMELINE_FILTERS)
  const search = useDebouncedValue(filterValues.search, 300)
  const filters = toEventFilters({ ...filterValues, search })
  const filtered = useEventStream(game.gameId, filters)
  const stream = filters ? filtered : all
  const tmi = useTmiView(game.gameId, teams)

  const scores = useMemo(() => runningScores(all.events, teams), [all.events, teams])
  const rows = useMemo(() => toTimelineRows(stream.events, scores), [stream.events, scores])
  const elapsed = useMemo(() => rows.map((row) => row.elapsed), [rows])
  const eventIds = useMemo(() => rows.map((row) => row.event.eventId), [rows])
  const selection = useTimelineSelection(rows, elapsed, eventIds, stream.complete)

  const gamePeriods = useMemo(() => periods(all.events), [all.events])
  const lastPeriod = Math.max(4, gamePeriods.at(-1) ?? 4)
  const frame: ChartFrame = { domain: gameTimeDomain(lastPeriod), ticks: periodTicks(lastPeriod), boundaries: periodBoundaries(lastPeriod).slice(0, -1), span: selection.span }

  return (
    <div className="page game-page">
      <GameHeader game={game} />
      <ScorePanel events={all.events} loading={all.loading} teams={teams} frame={frame} colors={colors} onPick={selection.pick} />
      <TmiPanel view={tmi} teams={teams} frame={frame} colors={colors} onPick={(x) => selection.pick(x)} />
      <TimelinePanel
        rows={rows}
        stream={stream}
        teams={teams}
        periods={gamePeriods}
        allEvents={all.events}
        filterValues={filterValues}
        onFilterChange={setFilterValues}
        selection={selection}
      />
      <TmiHistoryPanel view={tmi} />
    </div>
  )
}
