/**
 * Timestamps are stored as the original app wrote them: `YYYY-MM-DD HH:MM:SS.ffffff`, UTC wall
 * clock, no zone (SQLAlchemy's SQLite format). Reading accepts every format found in its files.
 */
const STORED = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/

export function formatTimestamp(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.` +
    `${pad(date.getUTCMilliseconds(), 3)}000`
  )
}

/** Parses a stored timestamp; naive values are UTC wall clock. Returns null for unreadable text. */
export function parseTimestamp(text: string | Date | null | undefined): Date | null {
  if (text == null) return null
  if (text instanceof Date) return Number.isNaN(text.getTime()) ? null : text
  const m = STORED.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m
  // Digits, not float arithmetic: Math.floor(0.285 * 1000) is 284.
  const ms = Number(`${frac}000`.slice(0, 3))
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
  // Date.UTC rolls 2024-02-30 over to March 1st: such text is unreadable, not another day.
  const check = new Date(time)
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null
  if (check.getUTCHours() !== Number(h) || check.getUTCMinutes() !== Number(mi) || check.getUTCSeconds() !== Number(s)) return null
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000
  }
  return Number.isNaN(time) ? null : new Date(time)
}

/** Re-renders any accepted stored form in the canonical stored form (for display and sorting). */
export function normalizeTimestamp(text: string | null | undefined): string | null {
  const date = parseTimestamp(text)
  return date ? formatTimestamp(date) : null
}

/**
 * Plain UTC wall-clock text: what we and the original write (6-digit fraction) and what PostgreSQL
 * returns for `timestamp` columns (fraction of 0–6 digits, trailing zeros dropped).
 */
const PLAIN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8]) (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?$/

/** ISO-8601 with `Z`, for DTOs crossing the API. */
export function toIsoTimestamp(text: string | Date | null | undefined): string | null {
  // Reshape plain text without building a Date per row (days 29–31 take the checked path below).
  if (typeof text === 'string' && PLAIN.test(text)) return `${text.slice(0, 10)}T${text.slice(11, 19)}.${text.slice(20, 23).padEnd(3, '0')}Z`
  const date = parseTimestamp(text)
  return date ? date.toISOString() : null
}
