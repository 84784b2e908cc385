import { ReferenceArea, ReferenceLine } from 'recharts'
import type { ThemeColors } from '../../lib/useThemeColors'

/** What both charts share: the time axis, its period boundaries, and the timeline's selection. */
export interface ChartFrame {
  domain: [number, number]
  ticks: number[]
  boundaries: number[]
  /** Selected plays' span; a single play is a line. */
  span: { x1: number; x2: number } | null
}

/** Period boundaries and the selected span, as chart children. */
export function chartMarks(frame: ChartFrame, colors: ThemeColors): React.JSX.Element[] {
  const marks = frame.boundaries.map((x) => <ReferenceLine key={`period-${x}`} x={x} stroke={colors.axis} strokeDasharray="3 3" ifOverflow="hidden" />)
  const span = frame.span
  if (span && span.x2 > span.x1) {
    marks.push(<ReferenceArea key="selection" x1={span.x1} x2={span.x2} fill={colors.accent} fillOpacity={0.16} stroke={colors.accent} strokeOpacity={0.6} ifOverflow="hidden" />)
  } else if (span) {
    marks.push(<ReferenceLine key="selection" x={span.x1} stroke={colors.accent} strokeWidth={2} ifOverflow="hidden" />)
  }
  return marks
}
