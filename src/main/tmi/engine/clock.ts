const REGULATION_PERIOD_SECONDS = 720
const OVERTIME_PERIOD_SECONDS = 300
const REGULATION_PERIODS = 4

const DIGITS = String.raw`\d(?:_?\d)*`
const PYTHON_FLOAT = new RegExp(String.raw`^[+-]?(?:${DIGITS}\.(?:${DIGITS})?|\.${DIGITS}|${DIGITS})(?:[eE][+-]?${DIGITS})?$`)
const PYTHON_SPECIAL = /^([+-]?)(?:inf|infinity|nan)$/i

const COLON_CLOCK = /^(\d+):(\d+(?:\.\d*)?)$/
const ISO_CLOCK = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i
const PLAIN_SECONDS = /^\d+(?:\.\d*)?$/

/** Python's `float(text)` for ASCII input, or null where Python raises ValueError. */
export function parsePythonFloat(text: string): number | null {
  const trimmed = text.trim()
  if (PYTHON_FLOAT.test(trimmed)) return Number(trimmed.replaceAll('_', ''))
  const special = PYTHON_SPECIAL.exec(trimmed)
  if (special === null) return null
  if (/nan/i.test(trimmed)) return Number.NaN
  return special[1] === '-' ? -Infinity : Infinity
}

/**
 * Seconds remaining as the original `_time_to_seconds` read them: 'M:SS' splits on the one
 * colon, text without a colon is a float, anything else (ISO 'PT…', '1:02:03', '') is 0.0.
 * NaN ('nan') also becomes 0.0, so that sorting stays well defined.
 */
export function parseClockMomentumml1(clock: string): number {
  let seconds: number
  if (clock.includes(':')) {
    const parts = clock.split(':')
    if (parts.length !== 2) return 0
    const minutes = parsePythonFloat(parts[0] ?? '')
    const rest = parsePythonFloat(parts[1] ?? '')
    if (minutes === null || rest === null) return 0
    seconds = minutes * 60 + rest
  } else {
    seconds = parsePythonFloat(clock) ?? 0
  }
  return Number.isNaN(seconds) ? 0 : seconds
}

/** Seconds remaining from 'MM:SS(.f)', ISO 'PT11M45.00S' or plain seconds; null when unreadable. */
export function parseClockSeconds(clock: string): number | null {
  const text = clock.trim()
  const colon = COLON_CLOCK.exec(text)
  if (colon !== null) return Number(colon[1]) * 60 + Number(colon[2])
  const iso = ISO_CLOCK.exec(text)
  if (iso !== null && text.length > 2) {
    const [, hours = '0', minutes = '0', seconds = '0'] = iso
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)
  }
  return PLAIN_SECONDS.test(text) ? Number(text) : null
}

export function periodLengthSeconds(period: number): number {
  return period <= REGULATION_PERIODS ? REGULATION_PERIOD_SECONDS : OVERTIME_PERIOD_SECONDS
}

/** Game time from tip-off; a remaining time outside the period's length is clamped to it. */
export function elapsedSeconds(period: number, secondsRemaining: number): number {
  const current = Math.max(1, Math.trunc(period))
  const regulation = Math.min(current - 1, REGULATION_PERIODS) * REGULATION_PERIOD_SECONDS
  const overtime = Math.max(0, current - 1 - REGULATION_PERIODS) * OVERTIME_PERIOD_SECONDS
  const length = periodLengthSeconds(current)
  const remaining = Math.min(Math.max(secondsRemaining, 0), length)
  return regulation + overtime + length - remaining
}
