import { EmptyState } from '../../components/EmptyState'
import { isDesktop } from '../../lib/api'
import { useDatabase } from './database-context'

export function NoDatabase(): React.JSX.Element {
  const database = useDatabase()
  return (
    <div className="page">
      <EmptyState title="No database is open">
        {isDesktop ? (
          <>
            <p>Open a MomentumML SQLite file, pick a recent one from the top bar, or connect to PostgreSQL.</p>
            <button type="button" className="button button-primary" onClick={() => void database.openDialog(false)}>
              Open database…
            </button>
          </>
        ) : (
          <p>
            Start <code>momentum serve --db &lt;file or URL&gt;</code> with a database, or connect to PostgreSQL from the top bar.
          </p>
        )}
      </EmptyState>
    </div>
  )
}
