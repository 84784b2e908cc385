import type { TmiEvent } from './tmi-types'

/** Test shorthand: [team, type, clock, result?, pointsTotal?, period?] → TmiEvent, ids e1, e2, … */
export type EventRow = [string, string, string, (string | null)?, (number | null)?, number?]

export function toEvents(rows: readonly EventRow[], gameId = 'g1', period = 1): TmiEvent[] {
  return rows.map(([teamTricode, eventType, clock, shotResult = null, pointsTotal = null, eventPeriod], index) => ({
    eventId: `e${index + 1}`,
    gameId,
    teamTricode,
    eventType,
    clock,
    period: eventPeriod ?? period,
    pointsTotal,
    shotResult,
  }))
}

/** Vector A of the spec (§6.6). */
export const vectorA = toEvents([
  ['LAL', 'shot', '11:50', 'Missed'],
  ['LAL', 'rebound', '11:48'],
  ['LAL', 'shot', '11:40', 'Made'],
  ['GSW', 'substitution', '11:39'],
  ['GSW', 'shot', '11:20', 'Missed'],
  ['LAL', 'rebound', '11:18'],
  ['LAL', 'turnover', '11:00'],
  ['LAL', 'foul', '10:50'],
  ['GSW', 'shot', '10:30', 'Made'],
  ['GSW', 'period_end', '0:00'],
])

/** Vector B of the spec (§6.6): one LAL event per period, all at 5:00. */
export const vectorB = toEvents(
  (
    [
      ['shot', 'Made'], ['shot', 'Missed'], ['rebound'], ['shot', 'Made'], ['turnover'], ['foul'],
      ['shot', 'Missed'], ['shot', 'Made'], ['rebound'], ['shot', 'Made'], ['turnover'], ['shot', 'Made'],
    ] as const
  ).map(([type, result = null], index) => ['LAL', type, '5:00', result, null, index + 1]),
)

/** A momentum-2 game: a three, free-throw trips, an and-one, both kinds of rebound, fouls, ISO and M:SS clocks. */
export const momentum2Game = toEvents([
  ['', 'period_start', 'PT12M00.00S'],
  ['BOS', 'jump_ball', 'PT12M00.00S'],
  ['BOS', 'shot', 'PT11M40.00S', 'Missed', 0],
  ['BOS', 'rebound', 'PT11M38.00S'],
  ['BOS', 'shot', 'PT11M30.00S', 'Made', 3],
  ['MIA', 'shot', 'PT11M10.00S', 'Missed', 0],
  ['BOS', 'rebound', 'PT11M08.00S'],
  ['MIA', 'foul', 'PT11M00.00S'],
  ['BOS', 'free_throw', 'PT11M00.00S', 'Made', 4],
  ['MIA', 'substitution', 'PT11M00.00S'],
  ['BOS', 'free_throw', 'PT11M00.00S', 'Made', 5],
  ['MIA', 'shot', 'PT10M40.00S', 'Made', 2],
  ['BOS', 'turnover', 'PT10M20.00S'],
  ['MIA', 'shot', 'PT10M00.00S', 'Made', 4],
  ['BOS', 'foul', 'PT10M00.00S'],
  ['MIA', 'free_throw', 'PT10M00.00S', 'Missed', 4],
  ['BOS', 'rebound', 'PT09M58.00S'],
  ['', 'period_end', 'PT00M00.00S'],
  ['MIA', 'shot', '11:40', 'Made', 6, 2],
  ['BOS', 'shot', '11:20', 'Missed', 5, 2],
  ['BOS', 'rebound', '11:18', null, 5, 2],
  ['BOS', 'foul', '11:15', null, null, 2],
  ['BOS', 'turnover', '11:15', null, null, 2],
])
