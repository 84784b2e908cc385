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

/**
 * The row a chart click lands on, or null while the rows are still arriving and the play may be in a
 * page not loaded yet: its exact id is not listed and no listed play is later than `x`. Rows are in
 * game order, so once a later play is listed the nearest one is final. -1: no play has a time.
 */
export function pickedPlayIndex(elapsed: ReadonlyArray<number | null>, x: number, eventIds: readonly string[], eventId: string | null, complete: boolean): number | null {
  if (eventId !== null) {
    const exact = eventIds.indexOf(eventId)
    if (exact >= 0) return exact
  }
  if (!complete && !(lastTime(elapsed) > x)) return null
  return nearestPlayIndex(elapsed, x)
}

function lastTime(elapsed: ReadonlyArray<number | null>): number {
  for (let i = elapsed.length - 1; i >= 0; i--) {
    const value = elapsed[i]
    if (value != null) return value
  }
  return -Infinity
}
