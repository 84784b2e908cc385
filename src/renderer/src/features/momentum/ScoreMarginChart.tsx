import { useId } from 'react'
import { Area, CartesianGrid, ComposedChart, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts'
import type { ThemeColors } from '../../lib/useThemeColors'
import { marginDomain, marginLabel, marginTicks, periodTickLabel, runLabelRows } from './chart-axis'
import { formatGameTime } from './game-clock'
import type { LeadChange, ScorePoint, ScoringRun, Teams } from './score-series'
import { chartMarks, type ChartFrame } from './chart-marks'

interface ScoreMarginChartProps {
  points: ScorePoint[]
  runs: ScoringRun[]
  changes: LeadChange[]
  teams: Teams
  frame: ChartFrame
  colors: ThemeColors
  onPick: (x: number, eventId: string | null) => void
}

const RUN_LABEL_ROW_PX = 12

/** Home minus away over game time, filled in the leading team's colour. */
export function ScoreMarginChart({ points, runs, changes, teams, frame, colors, onPick }: ScoreMarginChartProps): React.JSX.Element {
  const gradient = `margin-${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const margins = points.map((point) => point.margin)
  const [low, high] = marginDomain(margins)
  const runLabel = (run: ScoringRun): string => `${teams[run.team]} ${run.points}–0`
  // ~6 px a character at 10 px over a plot of ~900 px or more, plus a gap: colliding labels stack.
  const secondsPerChar = (frame.domain[1] - frame.domain[0]) * 0.0068
  const labelRows = runLabelRows(runs, (run) => (runLabel(run).length + 1) * secondsPerChar)
  const top = Math.max(0, ...margins)
  const bottom = Math.min(0, ...margins)
  const zero = top === bottom ? 0.5 : top / (top - bottom)
  const teamColor = (side: 'home' | 'away') => (side === 'home' ? colors.home : colors.away)
  return (
    <ResponsiveContainer width="100%" height={210}>
      <ComposedChart
        data={points}
        margin={{ top: 14, right: 16, bottom: 0, left: 4 }}
        onClick={(state) => {
          const point = state.activeTooltipIndex == null ? undefined : points[Number(state.activeTooltipIndex)]
          if (point) onPick(point.x, point.eventId)
        }}
      >
        <defs>
          <linearGradient id={gradient} x1="0" y1="0" x2="0" y2="1">
            <stop offset={zero} stopColor={colors.home} stopOpacity={0.35} />
            <stop offset={zero} stopColor={colors.away} stopOpacity={0.35} />
          </linearGradient>
        </defs>
        <CartesianGrid stroke={colors.grid} vertical={false} />
        <XAxis dataKey="x" type="number" domain={frame.domain} ticks={frame.ticks} tickFormatter={periodTickLabel} stroke={colors.axis} tick={{ fill: colors.muted, fontSize: 11 }} tickLine={false} allowDataOverflow />
        <YAxis domain={[low, high]} ticks={marginTicks([low, high])} interval={0} tickFormatter={(value: number) => marginLabel(value, teams)} stroke={colors.axis} tick={{ fill: colors.muted, fontSize: 11 }} width={64} tickLine={false} />
        {runs.map((run) => (
          <ReferenceArea
            key={`${run.team}-${run.startX}`}
            x1={run.startX}
            x2={Math.max(run.endX, run.startX + 1)}
            fill={teamColor(run.team)}
            fillOpacity={0.1}
            ifOverflow="hidden"
            label={{ value: runLabel(run), position: 'insideTopLeft', dy: (labelRows.get(run) ?? 0) * RUN_LABEL_ROW_PX, fill: teamColor(run.team), fontSize: 10, fontWeight: 600 }}
          />
        ))}
        <ReferenceLine y={0} stroke={colors.axis} />
        {chartMarks(frame, colors)}
        <Area type="stepAfter" dataKey="margin" stroke={colors.text} strokeWidth={1.25} fill={`url(#${gradient})`} isAnimationActive={false} activeDot={{ r: 4 }} baseValue={0} />
        {changes.map((change) => (
          <ReferenceDot key={`${change.x}-${change.eventId}`} x={change.x} y={change.margin} r={3.5} fill={teamColor(change.leader)} stroke={colors.surface} strokeWidth={1.5} ifOverflow="hidden" />
        ))}
        <Tooltip content={(props) => <ScoreTooltip {...props} points={points} teams={teams} />} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

function ScoreTooltip({ active, label, points, teams }: TooltipContentProps & { points: ScorePoint[]; teams: Teams }): React.JSX.Element | null {
  const point = active ? points.find((p) => p.x === label) : undefined
  if (!point) return null
  return (
    <div className="chart-tooltip">
      <div className="tooltip-title">{formatGameTime(point.x)}</div>
      <div className="tooltip-score">
        {teams.away} {point.away} – {point.home} {teams.home}
      </div>
      <div className="tooltip-muted">
        {marginLabel(point.margin, teams)}
        {point.scorer && ` · ${teams[point.scorer]} scored ${point.points}`}
      </div>
    </div>
  )
}
