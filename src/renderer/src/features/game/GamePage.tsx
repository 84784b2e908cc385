import { EmptyState } from '../../components/EmptyState'
import { Spinner } from '../../components/Spinner'
import { useDatabase } from '../database/database-context'
import { NoDatabase } from '../database/NoDatabase'
import { GameView } from './GameView'
import { useGame } from './useGame'

export function GamePage({ gameId }: { gameId: string }): React.JSX.Element {
  const database = useDatabase()
  if (!database.known) return <Spinner label="Opening database…" />
  if (!database.info) return <NoDatabase />
  return <LoadedGame gameId={gameId} />
}

function LoadedGame({ gameId }: { gameId: string }): React.JSX.Element {
  const game = useGame(gameId)
  if (game.data) return <GameView game={game.data} />
  if (game.loading) return <Spinner label="Loading game…" />
  return (
    <div className="page">
      <EmptyState title={`Game ${gameId} could not be loaded`}>
        <div className="button-row">
          <a className="button" href="#/games">
            Back to games
          </a>
          <button type="button" className="button" onClick={game.reload}>
            Try again
          </button>
        </div>
      </EmptyState>
    </div>
  )
}
