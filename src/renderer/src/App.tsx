import { useEffect } from 'react'
import { ErrorBanners } from './components/ErrorBanners'
import { AdminPage } from './features/admin/AdminPage'
import { DatabaseContext } from './features/database/database-context'
import { useDatabaseState } from './features/database/useDatabaseState'
import { GamePage } from './features/game/GamePage'
import { GamesPage } from './features/games/GamesPage'
import { JobBar } from './features/jobs/JobBar'
import { listenForJobs } from './features/jobs/job-store'
import { TopBar } from './features/shell/TopBar'
import { accessRefused } from './lib/access'
import { useStore } from './lib/external-store'
import { useRoute } from './lib/useRoute'
import { AccessLinkNeeded } from './features/shell/AccessLinkNeeded'

/** Layout and routes only. */
export function App(): React.JSX.Element {
  const route = useRoute()
  const database = useDatabaseState()
  const refused = useStore(accessRefused)
  useEffect(listenForJobs, [])
  return (
    <DatabaseContext value={database}>
      <div className="app">
        <TopBar route={route} />
        <main className="main" id="main">
          <ErrorBanners />
          {refused && <AccessLinkNeeded />}
          {!refused && route.page === 'admin' && <AdminPage />}
          {!refused && route.page === 'game' && <GamePage key={route.gameId} gameId={route.gameId} />}
          {!refused && route.page === 'games' && <GamesPage />}
        </main>
        <JobBar />
      </div>
    </DatabaseContext>
  )
}
