import type { StoreEventsResult } from '../../shared/domain/events'
import { inWriteTransaction, type DatabaseHandle } from '../db/connection'
import { storeEventsIn } from '../events/events.service'
import { createOrUpdateGameIn } from '../games/games.service'
import type { GameImport } from './nba-game-import'

/** Stores a validated game's row and its events in one write transaction: all of it or nothing. */
export function storeGameImport(handle: DatabaseHandle, parsed: GameImport): Promise<StoreEventsResult> {
  return inWriteTransaction(handle, async (trx) => {
    await createOrUpdateGameIn(trx, parsed.game)
    return storeEventsIn(trx, handle.sqlite, parsed.events)
  })
}
