import type { GameSummary } from '@shared/domain/games'
import { formatCount } from '../../lib/format'

export function GameHeader({ game }: { game: GameSummary }): React.JSX.Element {
  const final = game.status.toLowerCase().startsWith('final')
  return (
    <header className="game-header">
      <a className="back-link" href="#/games">
        ← Games
      </a>
      <div className="scoreboard">
        <TeamScore side="away" team={game.awayTeam} score={game.awayScore} leads={(game.awayScore ?? 0) > (game.homeScore ?? 0)} />
        <span className="scoreboard-at" aria-label="at">
          @
        </span>
        <TeamScore side="home" team={game.homeTeam} score={game.homeScore} leads={(game.homeScore ?? 0) > (game.awayScore ?? 0)} />
        <span className={`status-pill ${final ? 'status-final' : 'status-live'}`}>{game.status}</span>
      </div>
      <dl className="game-facts">
        <div>
          <dt>Date</dt>
          <dd>{game.gameDate}</dd>
        </div>
        <div>
          <dt>Events</dt>
          <dd>{formatCount(game.eventCount)}</dd>
        </div>
        <div>
          <dt>Game ID</dt>
          <dd className="mono">{game.gameId}</dd>
        </div>
      </dl>
    </header>
  )
}

function TeamScore({ side, team, score, leads }: { side: 'home' | 'away'; team: string; score: number | null; leads: boolean }): React.JSX.Element {
  return (
    <span className={`team-score ${leads ? 'team-leads' : ''}`}>
      <span className={`team-swatch swatch-${side}`} aria-hidden="true" />
      <span className="team-code">{team}</span>
      <span className="team-points">{score ?? '—'}</span>
      <span className="team-side">{side}</span>
    </span>
  )
}
