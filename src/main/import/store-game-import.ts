import type { StoreEventsResult } from '../../shared/domain/events'
import type { GameInfo } from '../../shared/domain/games'
import type { DatabaseHandle } from '../db/connection'
import { isAppFailure } from '../errors/app-failure'
import { storeEvents, getGameEvents } from '../events/events.service'
import { createOrUpdateGame, deleteGame, getGame } from '../games/games.service'
import type { GameImport } from './nba-game-import'

/**
 * Stores a validated game: its row, then its events. createOrUpdateGame and storeEvents each own
 * their write transaction and cannot join one (Kysely cannot nest them), so when storeEvents fails
 * the game row is put back as it was: deleted if this call created it and it has no events,
 * restored if this call changed it. Validation has already passed, so only database errors
 * (busy, disk full, an event id owned by another game) reach that path.
 */
export async function storeGameImport(handle: DatabaseHandle, parsed: GameImport): Promise<StoreEventsResult> {
  const before = await findGame(handle, parsed.game.gameId)
  const outcome = await createOrUpdateGame(handle, parsed.game)
  try {
    return await storeEvents(handle, parsed.events)
  } catch (error) {
    await putBack(handle, parsed.game.gameId, outcome, before).catch(() => undefined)
    throw error
  }
}

async function findGame(handle: DatabaseHandle, gameId: string): Promise<GameInfo | null> {
  try {
    const { createdAt: _createdAt, ...info } = await getGame(handle, gameId)
    return info
  } catch (error) {
    if (isAppFailure(error) && error.code === 'NotFound') return null
    throw error
  }
}

async function putBack(handle: DatabaseHandle, gameId: string, outcome: string, before: GameInfo | null): Promise<void> {
  if (outcome === 'updated' && before) await createOrUpdateGame(handle, before)
  if (outcome !== 'created') return
  const { events } = await getGameEvents(handle, { gameId, limit: 1 })
  if (events.length === 0) await deleteGame(handle, gameId)
}
