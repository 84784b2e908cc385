import { sql, type OrderByModifiers, type RawBuilder, type SqlBool } from 'kysely'
import type { Dialect } from '../db/connection'
import { timeOf } from './timestamp-sql'

/**
 * Game order: period ascending, clock (seconds left) descending, NBA order number, time, then id;
 * NULLs last in every key. These are the sort values of one event, which a page cursor carries.
 */
export interface EventPosition {
  period: number
  clockSeconds: number | null
  orderNumber: number | null
  /** Time as the order compares it: julianday() on SQLite, the timestamp text on PostgreSQL. */
  time: number | string | null
  eventId: string
}

interface SequenceKey {
  /** The key of a row, written exactly as idx_events_game_sequence (migration 008) holds it. */
  row: RawBuilder<unknown>
  /** The same key for a value taken from a position. */
  of(value: number | string): RawBuilder<unknown>
  direction: 'asc' | 'desc'
  nullable: boolean
  value(position: EventPosition): number | string | null
}

const bound = (value: number | string): RawBuilder<unknown> => sql`${value}`

function column(name: string, direction: 'asc' | 'desc', nullable: boolean, value: SequenceKey['value'], of = bound): SequenceKey {
  return { row: sql`${sql.ref(name)}`, of, direction, nullable, value }
}

// SQLite sorts NULLs first ascending and last descending, and an index column cannot say NULLS LAST:
// ascending keys with NULLs are negated and descending, which keeps the order and the index usable.
const SQLITE_KEYS: readonly SequenceKey[] = [
  column('period', 'asc', false, (p) => p.period),
  column('clock_seconds', 'desc', true, (p) => p.clockSeconds),
  { row: sql`-${sql.ref('order_number')}`, of: (v) => sql`-${v}`, direction: 'desc', nullable: true, value: (p) => p.orderNumber },
  { row: sql`-${timeOf('sqlite', 'timestamp')}`, of: (v) => sql`-${v}`, direction: 'desc', nullable: true, value: (p) => p.time },
  column('event_id', 'asc', false, (p) => p.eventId),
]

const POSTGRES_KEYS: readonly SequenceKey[] = [
  column('period', 'asc', false, (p) => p.period),
  column('clock_seconds', 'desc', true, (p) => p.clockSeconds),
  column('order_number', 'asc', true, (p) => p.orderNumber),
  column('timestamp', 'asc', true, (p) => p.time, (v) => sql`cast(${v} as timestamp)`),
  column('event_id', 'asc', false, (p) => p.eventId),
]

export function sequenceKeys(dialect: Dialect): readonly SequenceKey[] {
  return dialect === 'sqlite' ? SQLITE_KEYS : POSTGRES_KEYS
}

/** The row's time as the order compares it, selected so that a cursor can carry it. */
export function sequenceTime(dialect: Dialect): RawBuilder<number | string | null> {
  return timeOf(dialect, 'timestamp')
}

/** How a key is ordered: NULLs last on both dialects (on SQLite that is what DESC does by itself). */
export function orderOf(dialect: Dialect, key: SequenceKey): OrderByModifiers {
  if (dialect === 'sqlite') return key.direction
  return (ob) => (key.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast()
}

/** One index range of the rows after a position, and the first key its ORDER BY needs. */
export interface SequenceStep {
  where: Array<RawBuilder<SqlBool>>
  orderFrom: number
}

/**
 * The rows after `position`, as index ranges in game order: first the rows tied with it on every key
 * but the id, then those tied on all keys but the time, and so on up to the later periods. Each range
 * is equalities on a key prefix plus one bound, which both planners serve from the index in order;
 * one row-value comparison cannot express the mixed directions and NULLs-last keys.
 */
export function stepsAfter(dialect: Dialect, position: EventPosition): SequenceStep[] {
  const keys = sequenceKeys(dialect)
  const steps: SequenceStep[] = []
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!
    const value = key.value(position)
    // Nothing sorts after NULL among rows tied on the keys before: the deeper steps covered them.
    if (value === null) continue
    const tied = keys.slice(0, k).map((before) => equalTo(before, before.value(position)))
    steps.push({ where: [...tied, sql<SqlBool>`${key.row} ${sql.raw(key.direction === 'asc' ? '>' : '<')} ${key.of(value)}`], orderFrom: orderFrom(dialect, k) })
    // Then the NULLs of this key.
    if (key.nullable) steps.push({ where: [...tied, sql<SqlBool>`${key.row} is null`], orderFrom: orderFrom(dialect, k + 1) })
  }
  return steps
}

/**
 * Where a step's ORDER BY starts. SQLite sorts (a temp B-tree) when the ORDER BY names index
 * expressions the step holds equal, so it orders by the keys from the first free one; PostgreSQL
 * takes `IS NULL` for no equality and would sort those, so it orders by every key (it drops the
 * ones held `=` itself).
 */
function orderFrom(dialect: Dialect, firstFree: number): number {
  return dialect === 'sqlite' ? firstFree : 0
}

function equalTo(key: SequenceKey, value: number | string | null): RawBuilder<SqlBool> {
  return value === null ? sql<SqlBool>`${key.row} is null` : sql<SqlBool>`${key.row} = ${key.of(value)}`
}
