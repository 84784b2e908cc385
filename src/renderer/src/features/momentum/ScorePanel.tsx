import { useMemo } from 'react'
import type { GameEvent } from '@shared/domain/events'
import { Panel } from '../../components/Panel'
import { Spinner } from '../../components/Spinner'
import type { ThemeColors } from '../../lib/useThemeColors'
import type { ChartFrame } from './chart-marks'
import { leadChanges, scorePoints, scoringRuns, thinPoints, type Teams } from './score-series'
import { ScoreMarginChart } from './ScoreMarginChart'

interface ScorePanelProps {
  events: GameEvent[]
  loading: boolean
  teams: Teams
  frame: ChartFrame
  colors: ThemeColors
  onPick: (x: number, eventId: string | null) => void
}

/** SVG paths stay quick up to a few thousand points; longer games are thinned, keeping the extremes. */
const MAX_POINTS = 3000

export function ScorePanel({ events, loading, teams, frame, colors, onPick }: ScorePanelProps): React.JSX.Element {
  const score = useMemo(() => {
    const points = scorePoints(events, teams)
    return { points: thinPoints(points, MAX_POINTS), changes: leadChanges(points), runs: scoringRuns(points) }
  }, [events, teams])
  const legend = (
    <ul className="chart-legend" aria-label="Legend">
      <li>
        <span className="legend-swatch swatch-away" aria-hidden="true" /> {teams.away} ahead
      </li>
      <li>
        <span className="legend-swatch swatch-home" aria-hidden="true" /> {teams.home} ahead
      </li>
      <li>
        <span className="legend-dot" aria-hidden="true" /> Lead change ({score.changes.length})
      </li>
      <li>
        <span className="legend-run" aria-hidden="true" /> Run of 8–0 or more ({score.runs.length})
      </li>
    </ul>
  )
  return (
    <Panel title="Score margin" actions={legend} className="chart-panel">
      {events.length === 0 && loading ? (
        <Spinner label="Loading plays…" />
      ) : score.points.length <= 1 ? (
        <p className="muted">No scoring plays recorded for this game.</p>
      ) : (
        <ScoreMarginChart points={score.points} runs={score.runs} changes={score.changes} teams={teams} frame={frame} colors={colors} onPick={onPick} />
      )}
    </Panel>
  )
}
