/** Game time: 12-minute quarters, then 5-minute overtimes. Shared by the engine, storage and charts. */
export const REGULATION_PERIOD_SECONDS = 720
export const OVERTIME_PERIOD_SECONDS = 300
export const REGULATION_PERIODS = 4

const COLON_CLOCK = /^(\d{1,3}):(\d{1,2}(?:\.\d*)?)$/
const ISO_CLOCK = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i
const PLAIN_SECONDS = /^\d+(?:\.\d+)?$/

/** A game has a few hundred distinct clock texts; ingesting a million events parses each once. */
const parsed = new Map<string, number | null>()
const PARSED_LIMIT = 10_000

/**
 * Seconds left in the period from the stored clock text: 'MM:SS' / 'M:SS(.f)' (stats feed),
 * ISO 'PT11M45.00S' (live feed) or plain seconds. Null when the text is none of these.
 */
export function parseClockSeconds(clock: string | null | undefined): number | null {
  if (clock == null) return null
  let seconds = parsed.get(clock)
  if (seconds === undefined) {
    seconds = parseClockText(clock.trim())
    if (parsed.size >= PARSED_LIMIT) parsed.clear()
    parsed.set(clock, seconds)
  }
  return seconds
}

function parseClockText(text: string): number | null {
  const colon = COLON_CLOCK.exec(text)
  if (colon) return Number(colon[1]) * 60 + Number(colon[2])
  const iso = ISO_CLOCK.exec(text)
  if (iso && text.length > 2) {
    const [, hours = '0', minutes = '0', seconds = '0'] = iso
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)
  }
  return PLAIN_SECONDS.test(text) ? Number(text) : null
}

export function periodLengthSeconds(period: number): number {
  return period <= REGULATION_PERIODS ? REGULATION_PERIOD_SECONDS : OVERTIME_PERIOD_SECONDS
}

/** Game seconds at the start of the period. */
export function periodStartSeconds(period: number): number {
  const current = Math.max(1, Math.trunc(period))
  const regulation = Math.min(current - 1, REGULATION_PERIODS) * REGULATION_PERIOD_SECONDS
  return regulation + Math.max(0, current - 1 - REGULATION_PERIODS) * OVERTIME_PERIOD_SECONDS
}

/** Game time from tip-off; a remaining time outside the period's length is clamped to it. */
export function elapsedSeconds(period: number, secondsRemaining: number): number {
  const length = periodLengthSeconds(Math.max(1, Math.trunc(period)))
  return periodStartSeconds(period) + length - Math.min(Math.max(secondsRemaining, 0), length)
}
