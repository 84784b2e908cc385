import type { TmiEvent, TmiPossession } from './tmi-types'

/** A new, empty possession for the team of the event that opens it. */
export function openPossession(number: number, event: TmiEvent): TmiPossession {
  return {
    number,
    gameId: event.gameId,
    teamTricode: event.teamTricode,
    events: [],
    period: event.period,
    clock: event.clock,
    secondsRemaining: 0,
    pointsScored: 0,
    fgAttempts: 0,
    fgMade: 0,
    ftAttempts: 0,
    ftMade: 0,
    turnovers: 0,
    rebounds: 0,
    fouls: 0,
  }
}

/** Appends the event; the possession's end moves to it. */
export function appendEvent(possession: TmiPossession, event: TmiEvent, secondsRemaining: number): void {
  possession.events.push(event)
  possession.period = event.period
  possession.clock = event.clock
  possession.secondsRemaining = secondsRemaining
}

export function isMade(event: TmiEvent): boolean {
  return event.shotResult === 'Made'
}
