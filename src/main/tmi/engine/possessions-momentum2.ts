/*
 * Possession segmentation for momentum-2, which fixes the original's defects (see README.md):
 * - events run in game order (period, clock remaining descending, input order); ISO clocks parse;
 * - a possession ends after (and includes) a turnover, a made shot or the last made free throw
 *   of a trip (an and-one free throw of the same team continues it), and at a period's end;
 * - a rebound by the other team (defensive) opens the rebounding team's possession;
 * - points come from the team's score change, so threes and free throws count;
 * - fouls, violations and jump balls never open or close a possession; a foul committed while
 *   the other team has the ball counts in the fouling team's next possession.
 */
import { scoringPoints, orderEventsMomentum2 } from './game-order'
import { appendEvent, isMade, openPossession } from './possession-draft'
import type { TmiEvent, TmiPossession } from './tmi-types'

const SKIPPED_TYPES = new Set(['substitution', 'timeout', 'period_start'])
const BOUNDARY_TYPES = new Set(['period_end', 'game_end'])
const BALL_TYPES = new Set(['shot', 'free_throw', 'rebound', 'turnover'])

interface Segmenter {
  possessions: TmiPossession[]
  current: TmiPossession | null
  /** The current possession has ended unless the same team's free throw comes next. */
  endPending: boolean
  count: number
  carriedFouls: Map<string, number>
}

function close(state: Segmenter): void {
  if (state.current !== null) state.possessions.push(state.current)
  state.current = null
  state.endPending = false
}

function open(state: Segmenter, event: TmiEvent): TmiPossession {
  state.count += 1
  const possession = openPossession(state.count, event)
  possession.fouls = state.carriedFouls.get(event.teamTricode) ?? 0
  state.carriedFouls.delete(event.teamTricode)
  state.current = possession
  return possession
}

function tallyBallEvent(possession: TmiPossession, event: TmiEvent, points: number): void {
  if (event.eventType === 'shot') {
    possession.fgAttempts += 1
    if (isMade(event)) possession.fgMade += 1
  } else if (event.eventType === 'free_throw') {
    possession.ftAttempts += 1
    if (isMade(event)) possession.ftMade += 1
  } else if (event.eventType === 'rebound') {
    possession.rebounds += 1
  } else {
    possession.turnovers += 1
  }
  possession.pointsScored += points
}

function takeBallEvent(state: Segmenter, event: TmiEvent, secondsRemaining: number, points: number): void {
  const current = state.current
  const continuesTrip = event.eventType === 'free_throw' && current?.teamTricode === event.teamTricode
  if (current !== null && (current.teamTricode !== event.teamTricode || (state.endPending && !continuesTrip))) {
    close(state)
  }
  const possession = state.current ?? open(state, event)
  appendEvent(possession, event, secondsRemaining)
  tallyBallEvent(possession, event, points)
  state.endPending = isMade(event) && (event.eventType === 'shot' || event.eventType === 'free_throw')
  if (event.eventType === 'turnover') close(state)
}

function takeOtherEvent(state: Segmenter, event: TmiEvent, secondsRemaining: number): void {
  const current = state.current
  const isOwnBall = current !== null && !state.endPending && current.teamTricode === event.teamTricode
  if (current !== null && isOwnBall) {
    appendEvent(current, event, secondsRemaining)
    if (event.eventType === 'foul') current.fouls += 1
  } else if (event.eventType === 'foul') {
    state.carriedFouls.set(event.teamTricode, (state.carriedFouls.get(event.teamTricode) ?? 0) + 1)
  }
}

/**
 * Possessions of one game's events in game order, numbered from 1. Events of '' or of a team
 * outside `teams` (when given) are ignored, except that period ends still close possessions.
 */
export function segmentPossessionsMomentum2(events: readonly TmiEvent[], teams?: readonly string[]): TmiPossession[] {
  const state: Segmenter = { possessions: [], current: null, endPending: false, count: 0, carriedFouls: new Map() }
  const scores = new Map<string, number>()
  for (const { event, secondsRemaining } of orderEventsMomentum2(events)) {
    const points = scoringPoints(event, scores)
    if (state.current !== null && state.current.period !== event.period) close(state)
    if (SKIPPED_TYPES.has(event.eventType)) continue
    if (BOUNDARY_TYPES.has(event.eventType)) {
      close(state)
      continue
    }
    if (event.teamTricode === '' || (teams !== undefined && !teams.includes(event.teamTricode))) continue
    if (BALL_TYPES.has(event.eventType)) takeBallEvent(state, event, secondsRemaining, points)
    else takeOtherEvent(state, event, secondsRemaining)
  }
  close(state)
  return state.possessions
}
