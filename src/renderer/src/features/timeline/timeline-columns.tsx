import { createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table'
import { formatClock, periodLabel } from '../momentum/game-clock'
import type { Teams } from '../momentum/score-series'
import type { TimelineRow } from './timeline-rows'

export const timelineFeatures = tableFeatures({ tableMeta: metaHelper<{ teams: Teams }>() })

const helper = createColumnHelper<typeof timelineFeatures, TimelineRow>()

/** Game actions (period start/end) carry no team: '' or the importers' '---'. */
export function isTeamless(team: string): boolean {
  return team === '' || team === '---'
}

/** `Q2 7:05` from the stored period and clock text. */
export function formatPlayTime(row: TimelineRow): string {
  return `${periodLabel(row.event.period)} ${formatClock(row.event.clock)}`
}

/** Away–home after the play, in the matchup's order. */
export function formatRowScore(row: TimelineRow): string {
  return row.score ? `${row.score.away}–${row.score.home}` : '—'
}

export const timelineColumns = helper.columns([
  helper.accessor(formatPlayTime, { id: 'time', header: 'Time' }),
  helper.accessor((row) => row.event.teamTricode, {
    id: 'team',
    header: 'Team',
    cell: (info) => {
      const team = info.getValue()
      const teams = info.table.options.meta?.teams
      const side = team === teams?.home ? 'home' : team === teams?.away ? 'away' : null
      return side ? <span className={`team-tag tag-${side}`}>{team}</span> : <span className="muted">{isTeamless(team) ? '' : team}</span>
    },
  }),
  helper.accessor((row) => row.event.eventType, { id: 'type', header: 'Type' }),
  helper.accessor((row) => row.event.playerName ?? '', { id: 'player', header: 'Player' }),
  helper.accessor((row) => row.event.description ?? '', { id: 'description', header: 'Description', cell: (info) => <span title={info.getValue()}>{info.getValue()}</span> }),
  helper.accessor(formatRowScore, { id: 'score', header: 'Score' }),
])

export const TIMELINE_GRID = '84px 64px 112px 132px minmax(240px, 1fr) 96px'
