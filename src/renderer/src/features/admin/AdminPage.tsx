import { Spinner } from '../../components/Spinner'
import { useDatabase } from '../database/database-context'
import { NoDatabase } from '../database/NoDatabase'
import { BackupsPanel } from './BackupsPanel'
import { CleanupPanel } from './CleanupPanel'
import { DangerZone } from './DangerZone'
import { DatabasePanel } from './DatabasePanel'
import { HealthPanel } from './HealthPanel'
import { ImportPanel } from './ImportPanel'
import { MigrationsPanel } from './MigrationsPanel'

export function AdminPage(): React.JSX.Element {
  const database = useDatabase()
  if (!database.known) return <Spinner label="Opening database…" />
  if (!database.info) return <NoDatabase />
  const readonly = database.info.readonly
  return (
    <div className="page admin-page">
      <header className="page-header">
        <h1>Admin</h1>
      </header>
      <div className="admin-grid">
        <DatabasePanel info={database.info} />
        <HealthPanel />
        <MigrationsPanel readonly={readonly} />
        <ImportPanel readonly={readonly} />
        <CleanupPanel readonly={readonly} />
        <BackupsPanel readonly={readonly} dialect={database.info.dialect} />
        <DangerZone readonly={readonly} dialect={database.info.dialect} />
      </div>
    </div>
  )
}
