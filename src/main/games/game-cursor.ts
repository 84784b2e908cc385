import type { GameSortKey, SortDirection } from '../../shared/domain/games'
import { AppFailure } from '../errors/app-failure'

/** The sort value of a row as the list query orders it (text, julianday number, or null). */
export type SortValue = string | number | null

export interface GameCursor {
  sort: GameSortKey
  direction: SortDirection
  value: SortValue
  gameId: string
}

/** Opaque keyset cursor: base64url of the last row's sort value and game id, plus the order it belongs to. */
export function encodeCursor(cursor: GameCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.direction, cursor.value, cursor.gameId])).toString('base64url')
}

export function decodeCursor(text: string, sort: GameSortKey, direction: SortDirection): GameCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw new AppFailure('InvalidInput', 'cursor is not one this app produced')
  }
  if (!isCursorTuple(parsed)) throw new AppFailure('InvalidInput', 'cursor is not one this app produced')
  const [cursorSort, cursorDirection, value, gameId] = parsed
  if (cursorSort !== sort || cursorDirection !== direction) {
    throw new AppFailure('InvalidInput', `cursor belongs to the order ${cursorSort} ${cursorDirection}, not ${sort} ${direction}`)
  }
  return { sort, direction, value, gameId }
}

function isCursorTuple(value: unknown): value is [string, string, SortValue, string] {
  if (!Array.isArray(value) || value.length !== 4) return false
  const [sort, direction, sortValue, gameId] = value as unknown[]
  const isSortValue = sortValue === null || typeof sortValue === 'string' || (typeof sortValue === 'number' && Number.isFinite(sortValue))
  return typeof sort === 'string' && typeof direction === 'string' && isSortValue && typeof gameId === 'string'
}
