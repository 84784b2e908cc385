import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Test helpers: the real fixture files and small hand-made liveData documents. */
export const FIXTURE_DIR = join(import.meta.dirname, '../../../fixtures/nba')
export const FIXTURE_IDS = ['0022000001', '0022400718', '0022400762'] as const

export function fixturePath(gameId: string): string {
  return join(FIXTURE_DIR, `${gameId}.json`)
}

export function fixtureText(gameId: string): string {
  return readFileSync(fixturePath(gameId), 'utf8')
}

export interface LiveDoc {
  meta: Record<string, unknown>
  game: { gameId: string; actions: Array<Record<string, unknown>> }
}

export function fixtureDoc(gameId: string): LiveDoc {
  return JSON.parse(fixtureText(gameId)) as LiveDoc
}

/** The first `count` actions of a fixture, as a live file would have been mid-game. */
export function partialText(gameId: string, count: number): string {
  const doc = fixtureDoc(gameId)
  doc.game.actions = doc.game.actions.slice(0, count)
  return JSON.stringify(doc)
}

let nextNumber = 1

/** A minimal valid action; override any field (undefined removes it). */
export function action(fields: Record<string, unknown> = {}): Record<string, unknown> {
  const n = nextNumber++
  const base: Record<string, unknown> = {
    actionNumber: n,
    orderNumber: n * 10_000,
    clock: 'PT11M00.00S',
    timeActual: '2025-02-06T00:11:07.6Z',
    period: 1,
    actionType: 'rebound',
    subType: 'defensive',
    teamTricode: 'AAA',
    playerName: 'Player',
    description: 'Player REBOUND',
    scoreHome: '0',
    scoreAway: '0',
  }
  const merged = { ...base, ...fields }
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key]
  return merged
}

export function liveText(actions: unknown[], gameId = '0099900001'): string {
  return JSON.stringify({ meta: { version: 1, code: 200 }, game: { gameId, actions } })
}
