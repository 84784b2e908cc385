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
import { useRoute } from './lib/useRoute'

/** Layout and routes only. */
export function App(): React.JSX.Element {
  const route = useRoute()
  const database = useDatabaseState()
  useEffect(listenForJobs, [])
  return (
    <DatabaseContext value={database}>
      <div className="app">
        <TopBar route={route} />
        <main className="main" id="main">
          <ErrorBanners />
          {route.page === 'admin' && <AdminPage />}
          {route.page === 'game' && <GamePage key={route.gameId} gameId={route.gameId} />}
          {route.page === 'games' && <GamesPage />}
        </main>
        <JobBar />
      </div>
    </DatabaseContext>
  )
}
