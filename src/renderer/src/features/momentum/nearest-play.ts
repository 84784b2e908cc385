/**
 * The index of the play nearest to game second `x` (the first of equally near ones), or -1 when
 * no play has a game time. An exact event id wins when that play is among the rows.
 */
export function nearestPlayIndex(elapsed: ReadonlyArray<number | null>, x: number, eventIds?: readonly string[], eventId?: string | null): number {
  if (eventId != null && eventIds) {
    const exact = eventIds.indexOf(eventId)
    if (exact >= 0) return exact
  }
  let best = -1
  let bestDistance = Infinity
  for (let i = 0; i < elapsed.length; i++) {
    const value = elapsed[i]
    if (value == null) continue
    const distance = Math.abs(value - x)
    if (distance < bestDistance) {
      best = i
      bestDistance = distance
    }
  }
  return best
}
