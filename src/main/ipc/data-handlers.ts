import { getGameEvents } from '../events/events.service'
import { getGameSummary, listGames } from '../games/games.service'
import { cleanupOldData, getTmiHistory } from '../tmi/tmi.service'
import type { Handlers } from './call-channel'
import type { HandlerContext } from './handler-context'

type DataChannels = 'games:list' | 'games:get' | 'events:page' | 'tmi:history' | 'admin:cleanupPreview'

export function dataHandlers({ session }: HandlerContext): Pick<Handlers, DataChannels> {
  return {
    'games:list': async (query) => listGames(session.require(), query),
    'games:get': async ({ gameId }) => getGameSummary(session.require(), gameId),
    'events:page': async (query) => getGameEvents(session.require(), query),
    'tmi:history': async (query) => getTmiHistory(session.require(), query),
    'admin:cleanupPreview': async ({ gameId, keepTmi }) => cleanupOldData(session.require(), { keepTmi, dryRun: true, ...(gameId !== undefined && { gameId }) }),
  }
}
