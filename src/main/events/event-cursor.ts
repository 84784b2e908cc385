import type { Dialect } from '../db/connection'
import { AppFailure } from '../errors/app-failure'
import type { EventPosition } from './event-sequence'

const KIND = 'events'
const MALFORMED = 'cursor is malformed: pass back the nextCursor of an earlier events:page result'

/** Opaque keyset cursor: base64url of the game and the sort values of the page's last event. */
export function encodeEventCursor(gameId: string, position: EventPosition): string {
  const { period, clockSeconds, orderNumber, time, eventId } = position
  return Buffer.from(JSON.stringify([KIND, gameId, period, clockSeconds, orderNumber, time, eventId])).toString('base64url')
}

/** The position a cursor names; it must belong to `gameId` and to this kind of database. */
export function decodeEventCursor(text: string, gameId: string, dialect: Dialect): EventPosition {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    throw new AppFailure('InvalidInput', MALFORMED)
  }
  if (!Array.isArray(parsed) || parsed.length !== 7 || parsed[0] !== KIND) throw new AppFailure('InvalidInput', MALFORMED)
  const [, cursorGame, period, clockSeconds, orderNumber, time, eventId] = parsed as unknown[]
  // SQLite orders by julianday() numbers, PostgreSQL by timestamp text: the time says which wrote it.
  const timeOk = time === null || (dialect === 'sqlite' ? isNumber(time) : typeof time === 'string' && time !== '')
  const valid =
    typeof cursorGame === 'string' &&
    Number.isInteger(period) &&
    (clockSeconds === null || isNumber(clockSeconds)) &&
    (orderNumber === null || Number.isInteger(orderNumber)) &&
    timeOk &&
    typeof eventId === 'string' &&
    eventId !== ''
  if (!valid) throw new AppFailure('InvalidInput', MALFORMED)
  if (cursorGame !== gameId) throw new AppFailure('InvalidInput', `cursor belongs to game ${cursorGame}, not ${gameId}`)
  return { period: period as number, clockSeconds: clockSeconds as number | null, orderNumber: orderNumber as number | null, time: time as number | string | null, eventId: eventId as string }
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
