import type { GameFilters } from './games-query'

interface GamesFiltersProps {
  filters: GameFilters
  onChange: (filters: GameFilters) => void
}

const STATUSES = ['Final', 'Final OT', 'Live', 'In Progress', 'Scheduled']

export function GamesFilters({ filters, onChange }: GamesFiltersProps): React.JSX.Element {
  const set = (field: keyof GameFilters) => (event: { target: { value: string } }) => onChange({ ...filters, [field]: event.target.value })
  return (
    <div className="toolbar" role="search" aria-label="Filter games">
      <label className="field">
        <span className="field-label">Team</span>
        <input className="input input-team" value={filters.team} onChange={set('team')} placeholder="e.g. BOS" maxLength={16} spellCheck={false} />
      </label>
      <label className="field">
        <span className="field-label">Status</span>
        <select className="input" value={filters.status} onChange={set('status')}>
          <option value="">Any</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">From</span>
        <input className="input" type="date" value={filters.dateFrom} onChange={set('dateFrom')} />
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <input className="input" type="date" value={filters.dateTo} onChange={set('dateTo')} />
      </label>
    </div>
  )
}
