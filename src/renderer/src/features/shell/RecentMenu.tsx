import { useRef } from 'react'
import { formatDateTime } from '../../lib/format'
import { useDatabase } from '../database/database-context'

/** Recently opened databases; main keeps their paths, we only send the id back. */
export function RecentMenu(): React.JSX.Element {
  const database = useDatabase()
  const menu = useRef<HTMLDetailsElement>(null)
  return (
    <details ref={menu} className="menu">
      <summary className="button button-small">Recent ▾</summary>
      <div className="menu-list" role="menu" aria-label="Recent databases">
        {database.recent.length === 0 && <p className="menu-empty">No recent databases</p>}
        {database.recent.map((recent) => (
          <button
            key={recent.id}
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={() => {
              menu.current?.removeAttribute('open')
              void database.openRecent(recent.id, false)
            }}
          >
            <span className="menu-item-label">{recent.label}</span>
            <span className="menu-item-meta">
              {recent.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} · {formatDateTime(recent.openedAt)}
            </span>
          </button>
        ))}
      </div>
    </details>
  )
}
