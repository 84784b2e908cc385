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
    seconds = parseClock(clock.trim())
    if (parsed.size >= PARSED_LIMIT) parsed.clear()
    parsed.set(clock, seconds)
  }
  return seconds
}

function parseClock(text: string): number | null {
  const colon = COLON_CLOCK.exec(text)
  if (colon) return Number(colon[1]) * 60 + Number(colon[2])
  const iso = ISO_CLOCK.exec(text)
  if (iso && text.length > 2) {
    const [, hours = '0', minutes = '0', seconds = '0'] = iso
    return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)
  }
  return PLAIN_SECONDS.test(text) ? Number(text) : null
}
