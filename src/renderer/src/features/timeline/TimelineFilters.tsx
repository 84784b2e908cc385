import type { Teams } from '../momentum/score-series'
import { periodLabel } from '../momentum/game-clock'

export interface TimelineFilterValues {
  team: string
  period: string
  eventType: string
  search: string
}

export const NO_TIMELINE_FILTERS: TimelineFilterValues = { team: '', period: '', eventType: '', search: '' }

interface TimelineFiltersProps {
  values: TimelineFilterValues
  onChange: (values: TimelineFilterValues) => void
  teams: Teams
  periods: number[]
  eventTypes: string[]
}

export function TimelineFilters({ values, onChange, teams, periods, eventTypes }: TimelineFiltersProps): React.JSX.Element {
  const set = (field: keyof TimelineFilterValues) => (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value })
  return (
    <div className="toolbar" role="search" aria-label="Filter the timeline">
      <label className="field">
        <span className="field-label">Team</span>
        <select className="input" value={values.team} onChange={set('team')}>
          <option value="">Both</option>
          <option value={teams.away}>{teams.away}</option>
          <option value={teams.home}>{teams.home}</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Period</span>
        <select className="input" value={values.period} onChange={set('period')}>
          <option value="">All</option>
          {periods.map((period) => (
            <option key={period} value={period}>
              {periodLabel(period)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Event type</span>
        <select className="input" value={values.eventType} onChange={set('eventType')}>
          <option value="">All</option>
          {eventTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-grow">
        <span className="field-label">Search players and descriptions</span>
        <input className="input" type="search" value={values.search} onChange={set('search')} placeholder="e.g. Tatum, 3PT, STEAL" maxLength={200} />
      </label>
    </div>
  )
}
