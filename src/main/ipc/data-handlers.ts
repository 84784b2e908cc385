import type { GameEvent } from '../../shared/domain/events'
import type { GameSummary } from '../../shared/domain/games'
import type { DatabaseHandle } from '../db/connection'
import { getGameEvents } from '../events/events.service'
import { getGame, listGames } from '../games/games.service'
import { cleanupOldData, getTmiHistory } from '../tmi/tmi.service'
import type { Handlers } from './call-channel'
import type { HandlerContext } from './handler-context'

type DataChannels = 'games:list' | 'games:get' | 'events:page' | 'tmi:history' | 'admin:cleanupPreview'

const SEARCH_PAGE = 5_000

export function dataHandlers({ session }: HandlerContext): Pick<Handlers, DataChannels> {
  return {
    'games:list': async (query) => listGames(session.require(), query),
    'games:get': async ({ gameId }) => getGameSummary(session.require(), gameId),
    'events:page': async ({ search, ...query }) => {
      const handle = session.require()
      if (search === undefined || search.trim() === '') return getGameEvents(handle, query)
      const { limit = 500, offset = 0, ...filter } = query
      const matches = (await allEvents(handle, filter)).filter(matcher(search))
      return { events: matches.slice(offset, offset + limit), hasMore: matches.length > offset + limit }
    },
    'tmi:history': async (query) => getTmiHistory(session.require(), query),
    'admin:cleanupPreview': async ({ gameId, keepTmi }) => cleanupOldData(session.require(), { keepTmi, dryRun: true, ...(gameId !== undefined && { gameId }) }),
  }
}

/**
 * The list's statistics for one game. The games service has no single-game summary, so this asks
 * the list for the game's own team and date (a team plays once a day), falling back to the bare game.
 */
async function getGameSummary(handle: DatabaseHandle, gameId: string): Promise<GameSummary> {
  const game = await getGame(handle, gameId)
  // From its date on, oldest first: the game is among the first rows even when game_date has a time part.
  const page = await listGames(handle, { team: game.homeTeam, dateFrom: game.gameDate.slice(0, 10), sort: 'game_date', direction: 'asc', limit: 50 })
  const listed = page.games.find((summary) => summary.gameId === gameId)
  return listed ?? { ...game, eventCount: 0, homeScore: null, awayScore: null, latestTmiHome: null, latestTmiAway: null }
}

/** A game's events (a few hundred) read whole, so a text search pages over the matches. */
async function allEvents(handle: DatabaseHandle, filter: Parameters<typeof getGameEvents>[1]): Promise<GameEvent[]> {
  const events: GameEvent[] = []
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const page = await getGameEvents(handle, { ...filter, limit: SEARCH_PAGE, offset })
    events.push(...page.events)
    if (!page.hasMore) return events
  }
}

function matcher(search: string): (event: GameEvent) => boolean {
  const needle = search.trim().toLowerCase()
  return (event) => [event.description, event.playerName, event.eventType, event.teamTricode].some((text) => text?.toLowerCase().includes(needle))
}
