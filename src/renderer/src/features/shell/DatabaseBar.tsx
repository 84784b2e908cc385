import { useState } from 'react'
import { isDesktop } from '../../lib/api'
import { formatBytes, middleEllipsis } from '../../lib/format'
import { useDatabase } from '../database/database-context'
import { ConnectDialog } from './ConnectDialog'
import { RecentMenu } from './RecentMenu'

const DIALECTS = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const

/** The open database and the ways to switch to another. */
export function DatabaseBar(): React.JSX.Element {
  const database = useDatabase()
  const [connecting, setConnecting] = useState(false)
  const info = database.info
  return (
    <div className="database-bar">
      {info ? (
        <div className="database-current" title={`${info.label}${info.sizeBytes !== null ? ` · ${formatBytes(info.sizeBytes)}` : ''}`}>
          <span className="database-label">{middleEllipsis(info.label, 48)}</span>
          <span className={`badge badge-${info.dialect}`}>{DIALECTS[info.dialect]}</span>
          {info.readonly && <span className="badge badge-readonly">Read-only</span>}
        </div>
      ) : (
        <span className="database-none">{database.known ? 'No database open' : 'Opening…'}</span>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={!isDesktop}
        title={isDesktop ? 'Open a SQLite database file' : 'Opening files is available in the desktop app'}
        onClick={() => void database.openDialog(false)}
      >
        Open…
      </button>
      <RecentMenu />
      <button type="button" className="button button-small" onClick={() => setConnecting(true)}>
        Connect to PostgreSQL…
      </button>
      <ConnectDialog open={connecting} onClose={() => setConnecting(false)} onConnect={database.connect} />
    </div>
  )
}
