import type { NewGameEvent } from '../../shared/domain/events'
import type { GameInfo } from '../../shared/domain/games'
import { formatTimestamp } from '../db/timestamps'
import { toEventType, toStoredDescription } from './nba-event-type'
import { readNbaPlayByPlay, type NbaAction, type NbaPlayByPlay } from './nba-play-by-play'
import { deriveSides, NO_TEAM, teamScore } from './nba-teams'

/** One game ready to store: its row and its events in game order. */
export interface GameImport {
  game: GameInfo
  events: NewGameEvent[]
}

const easternDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' })

/** US-Eastern calendar date (`YYYY-MM-DD`), the date the NBA schedules a game under. */
export function toEasternDate(instant: Date): string {
  const parts = Object.fromEntries(easternDate.formatToParts(instant).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}

/** Reads, validates and maps one liveData file; throws `FILE: [action N: ]cause` and maps nothing on error. */
export function parseNbaGame(text: string, source: string): GameImport {
  return toGameImport(readNbaPlayByPlay(text, source), source)
}

export function toGameImport(pbp: NbaPlayByPlay, source: string): GameImport {
  const sides = deriveSides(pbp.actions, source)
  const events = pbp.actions.map((action) => toEvent(pbp.gameId, action, sides))
  return { game: toGameInfo(pbp, sides.home, sides.away), events }
}

function toGameInfo(pbp: NbaPlayByPlay, homeTeam: string, awayTeam: string): GameInfo {
  const actions = pbp.actions
  const ended = actions.some((action) => action.actionType === 'game' && action.subType === 'end')
  const periods = actions.reduce((max, action) => Math.max(max, action.period), 0)
  return {
    gameId: pbp.gameId,
    homeTeam,
    awayTeam,
    gameDate: toEasternDate(actions[0]!.timeActual),
    status: ended ? (periods > 4 ? 'Final OT' : 'Final') : 'Live',
  }
}

function toEvent(gameId: string, action: NbaAction, sides: { home: string; away: string }): NewGameEvent {
  return {
    eventId: `${gameId}-${action.actionNumber}`,
    gameId,
    teamTricode: action.teamTricode ?? NO_TEAM,
    playerName: action.playerName,
    eventType: toEventType(action.actionType, action.subType),
    clock: action.clock,
    period: action.period,
    pointsTotal: teamScore(action, sides),
    shotResult: action.shotResult,
    description: toStoredDescription(action.actionType, action.description),
    timestamp: formatTimestamp(action.timeActual),
    orderNumber: action.orderNumber,
  }
}
