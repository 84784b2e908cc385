import { createRandom } from './demo-random'

export interface DemoPlayer {
  /** As the live feed's playerName: the last name. */
  lastName: string
  /** As the feed writes a player in descriptions: `J. Allen`. */
  shortName: string
}

/** The 30 NBA teams' tricodes. */
export const TEAM_TRICODES: readonly string[] = [
  'ATL', 'BOS', 'BKN', 'CHA', 'CHI', 'CLE', 'DAL', 'DEN', 'DET', 'GSW',
  'HOU', 'IND', 'LAC', 'LAL', 'MEM', 'MIA', 'MIL', 'MIN', 'NOP', 'NYK',
  'OKC', 'ORL', 'PHI', 'PHX', 'POR', 'SAC', 'SAS', 'TOR', 'UTA', 'WAS',
]

export const ROSTER_SIZE = 13

const INITIALS = 'AABBCCDDEGJJJJKKLMMNOPRSSTTWZ'

const SURNAMES = [
  'Adams', 'Allen', 'Anderson', 'Bailey', 'Barnes', 'Bell', 'Brooks', 'Brown', 'Bryant', 'Butler',
  'Carter', 'Clark', 'Coleman', 'Collins', 'Cook', 'Cooper', 'Davis', 'Dixon', 'Edwards', 'Ellis',
  'Evans', 'Fisher', 'Ford', 'Foster', 'Gibson', 'Gordon', 'Graham', 'Grant', 'Green', 'Griffin',
  'Hall', 'Harris', 'Hayes', 'Henderson', 'Hill', 'Holiday', 'Howard', 'Hughes', 'Jackson', 'James',
  'Jenkins', 'Johnson', 'Jones', 'Jordan', 'Kelly', 'King', 'Knight', 'Lee', 'Lewis', 'Lopez',
  'Martin', 'Mason', 'McDaniels', 'Miller', 'Mitchell', 'Moore', 'Morris', 'Murray', 'Nelson', 'Okafor',
  'Parker', 'Patterson', 'Payton', 'Perry', 'Porter', 'Powell', 'Price', 'Reed', 'Richardson', 'Roberts',
  'Robinson', 'Rose', 'Russell', 'Sanders', 'Scott', 'Simmons', 'Smith', 'Stewart', 'Sullivan', 'Taylor',
  'Thomas', 'Thompson', 'Turner', 'Walker', 'Wallace', 'Ward', 'Washington', 'Watson', 'White', 'Williams',
  'Wilson', 'Wood', 'Wright', 'Young',
]

const rosters = new Map<string, readonly DemoPlayer[]>()

/**
 * The team's 13 players: starters first, then the bench in rotation order. Rosters are fixed per
 * team (they do not depend on the demo seed), so a team keeps its players across games.
 */
export function rosterOf(tricode: string): readonly DemoPlayer[] {
  const cached = rosters.get(tricode)
  if (cached) return cached
  const random = createRandom(0x5eed0000 + TEAM_TRICODES.indexOf(tricode))
  const names = new Set<string>()
  while (names.size < ROSTER_SIZE) names.add(random.pick(SURNAMES))
  const roster = [...names].map((lastName) => ({ lastName, shortName: `${random.pick([...INITIALS])}. ${lastName}` }))
  rosters.set(tricode, roster)
  return roster
}
