export { elapsedSeconds, parseClockSeconds, periodLengthSeconds } from '../../../shared/domain/game-clock'

const DIGITS = String.raw`\d(?:_?\d)*`
const PYTHON_FLOAT = new RegExp(String.raw`^[+-]?(?:${DIGITS}\.(?:${DIGITS})?|\.${DIGITS}|${DIGITS})(?:[eE][+-]?${DIGITS})?$`)
const PYTHON_SPECIAL = /^([+-]?)(?:inf|infinity|nan)$/i


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
