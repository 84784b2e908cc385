import type { GameEvent } from '@shared/domain/events'
import type { TmiRecord } from '@shared/domain/tmi'

let counter = 0

/** A stored event with defaults, for series tests. */
export function makeEvent(fields: Partial<GameEvent> & Pick<GameEvent, 'teamTricode' | 'period' | 'clock'>): GameEvent {
  counter++
  return {
    eventId: `e${counter}`,
    gameId: 'g1',
    playerName: null,
    eventType: 'shot',
    pointsTotal: null,
    shotResult: null,
    description: null,
    timestamp: null,
    orderNumber: counter,
    clockSeconds: null,
    ...fields,
  }
}

export function makeTmi(fields: Partial<TmiRecord> & Pick<TmiRecord, 'teamTricode' | 'tmiValue'>): TmiRecord {
  counter++
  return {
    id: counter,
    gameId: 'g1',
    featureContributions: {},
    predictionProbability: 0.5,
    confidenceScore: 1,
    rollingWindowSize: 5,
    calculatedAt: '2024-01-01T00:00:00Z',
    period: null,
    clock: null,
    elapsedSeconds: null,
    possessionNumber: null,
    algorithm: 'momentum-2',
    parameters: null,
    ...fields,
  }
}

/** A made basket: the team's new running score at `clock` of `period`. */
export function basket(team: string, total: number, period: number, clock: string): GameEvent {
  return makeEvent({ teamTricode: team, pointsTotal: total, period, clock, shotResult: 'Made' })
}
