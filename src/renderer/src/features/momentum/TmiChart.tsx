import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatSigned } from '../../lib/format'
import type { ThemeColors } from '../../lib/useThemeColors'
import { periodTickLabel } from './chart-axis'
import { chartMarks, type ChartFrame } from './chart-marks'
import type { Teams } from './score-series'
import type { TmiSeries } from './tmi-series'
import { TmiTooltip } from './TmiTooltip'

interface TmiChartProps {
  series: TmiSeries
  teams: Teams
  frame: ChartFrame
  colors: ThemeColors
  onPick: (x: number) => void
}

/** Each team's momentum index over game time (or calculation order for rows without game time). */
export function TmiChart({ series, teams, frame, colors, onPick }: TmiChartProps): React.JSX.Element {
  const gameTime = series.axis === 'game-time'
  return (
    <ResponsiveContainer width="100%" height={250}>
      <LineChart
        data={series.rows}
        margin={{ top: 8, right: 16, bottom: 0, left: 4 }}
        onClick={(state) => {
          const row = state.activeTooltipIndex == null ? undefined : series.rows[Number(state.activeTooltipIndex)]
          if (row && gameTime) onPick(row.x)
        }}
      >
        <CartesianGrid stroke={colors.grid} vertical={false} />
        {gameTime ? (
          <XAxis dataKey="x" type="number" domain={frame.domain} ticks={frame.ticks} tickFormatter={periodTickLabel} stroke={colors.axis} tick={{ fill: colors.muted, fontSize: 11 }} tickLine={false} allowDataOverflow />
        ) : (
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} stroke={colors.axis} tick={{ fill: colors.muted, fontSize: 11 }} tickLine={false} allowDecimals={false} label={{ value: 'Calculation', position: 'insideBottomRight', offset: -2, fill: colors.muted, fontSize: 11 }} />
        )}
        <YAxis tickFormatter={(value: number) => formatSigned(value, 1)} stroke={colors.axis} tick={{ fill: colors.muted, fontSize: 11 }} width={64} tickLine={false} />
        <ReferenceLine y={0} stroke={colors.axis} />
        {gameTime && chartMarks(frame, colors)}
        <Line type="linear" dataKey="away" name={teams.away} stroke={colors.away} strokeWidth={2} dot={false} activeDot={{ r: 4 }} connectNulls isAnimationActive={false} />
        <Line type="linear" dataKey="home" name={teams.home} stroke={colors.home} strokeWidth={2} dot={false} activeDot={{ r: 4 }} connectNulls isAnimationActive={false} />
        <Legend verticalAlign="top" align="right" height={24} iconType="plainline" itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
        <Tooltip content={(props) => <TmiTooltip {...props} rows={series.rows} teams={teams} gameTime={gameTime} colors={colors} />} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  )
}
