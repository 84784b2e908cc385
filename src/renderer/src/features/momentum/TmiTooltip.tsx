import type { TooltipContentProps } from 'recharts'
import type { TmiRecord } from '@shared/domain/tmi'
import { formatPercent, formatSigned } from '../../lib/format'
import type { ThemeColors } from '../../lib/useThemeColors'
import { formatGameTime } from './game-clock'
import type { Side, Teams } from './score-series'
import { recordAtOrBefore, recordElapsed, sortedContributions, type TmiRow } from './tmi-series'

interface TmiTooltipProps extends TooltipContentProps {
  rows: TmiRow[]
  teams: Teams
  gameTime: boolean
  colors: ThemeColors
}

/** Both teams' index at the hovered point, with every feature's contribution. */
export function TmiTooltip({ active, label, rows, teams, gameTime, colors }: TmiTooltipProps): React.JSX.Element | null {
  if (!active || typeof label !== 'number') return null
  const sides: Side[] = ['away', 'home']
  return (
    <div className="chart-tooltip tmi-tooltip">
      <div className="tooltip-title">{gameTime ? formatGameTime(label) : `Calculation ${label}`}</div>
      {sides.map((side) => {
        const record = recordAtOrBefore(rows, side, label)
        return record ? <TeamContributions key={side} team={teams[side]} color={side === 'home' ? colors.home : colors.away} record={record} current={rowAt(rows, label, side) === record} /> : null
      })}
    </div>
  )
}

function rowAt(rows: TmiRow[], x: number, side: Side): TmiRecord | undefined {
  const row = rows.find((r) => r.x === x)
  return side === 'home' ? row?.homeRecord : row?.awayRecord
}

function TeamContributions({ team, color, record, current }: { team: string; color: string; record: TmiRecord; current: boolean }): React.JSX.Element {
  const at = recordElapsed(record)
  return (
    <div className="tooltip-team">
      <div className="tooltip-team-head">
        <span className="tooltip-swatch" style={{ background: color }} aria-hidden="true" />
        <strong>{team}</strong>
        <span className="tooltip-value">{formatSigned(record.tmiValue)}</span>
        {!current && at !== null && <span className="tooltip-muted">as of {formatGameTime(at)}</span>}
      </div>
      <table className="tooltip-features">
        <tbody>
          {sortedContributions(record).map(([feature, value]) => (
            <tr key={feature}>
              <th scope="row">{feature}</th>
              <td className={value < 0 ? 'negative' : 'positive'}>{formatSigned(value, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="tooltip-muted">
        {record.possessionNumber !== null && `Possession ${record.possessionNumber} · `}window {record.rollingWindowSize ?? '—'} · confidence {formatPercent(record.confidenceScore)}
      </div>
    </div>
  )
}
