/*
 * Play descriptions worded as the NBA live feed words them, for example
 * `E. Mobley 25' 3PT Jump Shot (8 PTS) (D. Garland 2 AST)` or `MISS T. Harris 16' Jump Shot`.
 * Only three-point attempts contain `3PT`, the marker the importer and the queries rely on.
 */
import { THREE_POINT_MARKER } from '../import/nba-event-type'
import type { DemoRandom } from './demo-random'
import type { DemoPlayer } from './demo-teams'

const TWO_POINT_SHOTS = ['Layup', 'driving Layup', 'running Layup', 'cutting Layup', 'DUNK', 'running DUNK', 'Hook', 'driving floating Jump Shot', 'Jump Shot', 'pullup Jump Shot', 'Jump Shot', 'turnaround fadeaway Jump Shot']
const THREE_POINT_SHOTS = ['Jump Shot', 'Jump Shot', 'pullup Jump Shot', 'step back Jump Shot', 'running Jump Shot']

/** The shot's wording without the shooter and result, e.g. `16' Jump Shot` or `26' 3PT Jump Shot`. */
export function shotWording(random: DemoRandom, points: 2 | 3): string {
  if (points === 3) return `${random.int(23, 30)}' ${THREE_POINT_MARKER} ${random.pick(THREE_POINT_SHOTS)}`
  const shot = random.pick(TWO_POINT_SHOTS)
  return shot.includes('Jump Shot') ? `${random.int(4, 21)}' ${shot}` : shot
}

export function madeShotText(shooter: DemoPlayer, wording: string, points: number, assist: { player: DemoPlayer; assists: number } | null): string {
  const assistText = assist ? ` (${assist.player.shortName} ${assist.assists} AST)` : ''
  return `${shooter.shortName} ${wording} (${points} PTS)${assistText}`
}

export function missedShotText(shooter: DemoPlayer, wording: string, blocked: boolean): string {
  return `MISS ${shooter.shortName} ${wording}${blocked ? ' - blocked' : ''}`
}

export function freeThrowText(shooter: DemoPlayer, attempt: number, of: number, made: boolean, points: number): string {
  return made ? `${shooter.shortName} Free Throw ${attempt} of ${of} (${points} PTS)` : `MISS ${shooter.shortName} Free Throw ${attempt} of ${of}`
}

export function reboundText(player: DemoPlayer | null, offensive: boolean, counts: { offensive: number; defensive: number }): string {
  if (player === null) return `TEAM ${offensive ? 'offensive' : 'defensive'} REBOUND`
  return `${player.shortName} REBOUND (Off:${counts.offensive} Def:${counts.defensive})`
}

export type TurnoverKind = 'bad pass' | 'lost ball' | 'traveling' | 'out-of-bounds' | 'offensive foul' | 'shot clock'

export function turnoverText(player: DemoPlayer | null, kind: TurnoverKind, turnovers: number): string {
  return player === null ? `TEAM ${kind} TURNOVER` : `${player.shortName} ${kind} TURNOVER (${turnovers} TO)`
}

export function stealText(player: DemoPlayer, steals: number): string {
  return `${player.shortName} STEAL (${steals} STL)`
}

export function blockText(player: DemoPlayer, blocks: number): string {
  return `${player.shortName} BLOCK (${blocks} BLK)`
}

export type FoulKind = 'personal' | 'shooting personal' | 'loose ball personal' | 'offensive'

export function foulText(player: DemoPlayer, kind: FoulKind, fouls: number, shots: { shooter: DemoPlayer; count: number } | null): string {
  const shotsText = shots ? ` (${shots.shooter.lastName} ${shots.count} FT)` : ''
  return `${player.shortName} ${kind} FOUL (${fouls} PF)${shotsText}`
}

export function violationText(player: DemoPlayer | null, kind: string): string {
  return `${player === null ? 'TEAM' : player.shortName} ${kind} VIOLATION`
}

export function jumpBallText(home: DemoPlayer, away: DemoPlayer, recoveredBy: DemoPlayer): string {
  return `Jump Ball ${home.shortName} vs. ${away.shortName}: Tip to ${recoveredBy.shortName}`
}
