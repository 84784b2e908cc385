import { invalidAction } from './import-failure'

/**
 * Reads an NBA liveData play-by-play document (`{"meta", "game": {"gameId", "actions": [...]}}`)
 * and checks every field the importer uses, so that mapping and storing can no longer fail on
 * the data. Fields we do not use are ignored, whatever they hold.
 */
export interface NbaAction {
  actionNumber: number
  orderNumber: number
  period: number
  /** ISO-8601 duration as given, e.g. `PT11M45.00S`. */
  clock: string
  timeActual: Date
  actionType: string
  subType: string | null
  teamTricode: string | null
  playerName: string | null
  description: string | null
  shotResult: 'Made' | 'Missed' | null
  scoreHome: number
  scoreAway: number
}

export interface NbaPlayByPlay {
  gameId: string
  /** In game order (orderNumber), whatever order the file had. */
  actions: NbaAction[]
}

const GAME_ID = /^[0-9A-Za-z_-]{1,64}$/
const TRICODE = /^[A-Za-z0-9]{1,8}$/
const CLOCK = /^PT\d{1,3}M\d{1,2}(?:\.\d+)?S$/
const DIGITS = /^\d{1,6}$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/
const SCORED_TYPES = new Set(['2pt', '3pt', 'freethrow'])

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** Parses and validates a whole file's text; throws `FILE: [action N: ]cause` on the first problem. */
export function readNbaPlayByPlay(text: string, source: string): NbaPlayByPlay {
  return readNbaDocument(parseJson(text, source), source)
}

/** JSON.parse with the one-line `FILE: not valid JSON (...)` error. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    throw invalidAction(source, `not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
}

/** Validates an already parsed document (the fetcher parses while it can still retry). */
export function readNbaDocument(document: unknown, source: string): NbaPlayByPlay {
  if (!isObject(document)) throw invalidAction(source, 'not an NBA play-by-play document (expected a JSON object)')
  const game = document.game
  if (!isObject(game)) throw invalidAction(source, 'not an NBA play-by-play document (no "game" object)')
  const gameId = game.gameId
  if (typeof gameId !== 'string' || !GAME_ID.test(gameId)) throw invalidAction(source, `game.gameId is ${describe(gameId)}, expected an id such as "0022400718"`)
  if (!Array.isArray(game.actions)) throw invalidAction(source, `game.actions is ${describe(game.actions)}, expected an array`)
  if (game.actions.length === 0) throw invalidAction(source, `game ${gameId} has no actions yet`)

  const seen = new Set<number>()
  const actions = game.actions.map((raw, index) => {
    const action = readAction(raw, index, source)
    if (seen.has(action.actionNumber)) throw invalidAction(source, 'appears twice', action.actionNumber)
    seen.add(action.actionNumber)
    return action
  })
  return { gameId, actions: inGameOrder(actions) }
}

function readAction(raw: unknown, index: number, source: string): NbaAction {
  if (!isObject(raw)) throw invalidAction(source, `actions[${index}] is ${describe(raw)}, expected an object`)
  const number = raw.actionNumber
  if (!Number.isSafeInteger(number) || (number as number) < 0) {
    throw invalidAction(source, `actions[${index}].actionNumber is ${describe(number)}, expected a whole number`)
  }
  const actionNumber = number as number
  const fail = (field: string, expected: string): never => {
    throw invalidAction(source, `${field} is ${describe(raw[field])}, expected ${expected}`, actionNumber)
  }
  const integer = (field: string, min: number): number =>
    Number.isSafeInteger(raw[field]) && (raw[field] as number) >= min ? (raw[field] as number) : fail(field, `a whole number >= ${min}`)
  const optionalText = (field: string): string | null => {
    const value = raw[field]
    if (value === undefined || value === null) return null
    return typeof value === 'string' ? value : fail(field, 'text')
  }
  const score = (field: string): number => {
    const value = raw[field]
    if (typeof value === 'string' && DIGITS.test(value)) return Number(value)
    if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number
    return fail(field, 'a score (digits)')
  }

  const clock = raw.clock
  if (typeof clock !== 'string' || !CLOCK.test(clock)) fail('clock', 'a duration such as "PT11M45.00S"')
  const timeText = raw.timeActual
  const timeActual = typeof timeText === 'string' && ISO_INSTANT.test(timeText) ? new Date(timeText) : null
  if (timeActual === null || Number.isNaN(timeActual.getTime())) return fail('timeActual', 'an ISO timestamp such as "2025-02-06T00:11:07.6Z"')
  const actionType = raw.actionType
  if (typeof actionType !== 'string' || actionType === '') fail('actionType', 'text')

  // V3-style feeds write "" for "no team"; both mean a team-less action.
  const tricode = optionalText('teamTricode')
  if (tricode !== null && tricode !== '' && !TRICODE.test(tricode)) fail('teamTricode', 'a team code such as "BKN"')
  const result = optionalText('shotResult')
  const scored = SCORED_TYPES.has(actionType as string)
  if (scored && result !== 'Made' && result !== 'Missed') fail('shotResult', `"Made" or "Missed" on a ${actionType as string} action`)
  if (scored && !tricode) fail('teamTricode', `a team on a ${actionType as string} action`)

  return {
    actionNumber,
    orderNumber: integer('orderNumber', Number.MIN_SAFE_INTEGER),
    period: integer('period', 1),
    clock: clock as string,
    timeActual,
    actionType: actionType as string,
    subType: optionalText('subType'),
    teamTricode: tricode || null,
    playerName: optionalText('playerName'),
    description: optionalText('description'),
    shotResult: scored ? (result as 'Made' | 'Missed') : null,
    scoreHome: score('scoreHome'),
    scoreAway: score('scoreAway'),
  }
}

/** Stable sort by orderNumber; the real files are already sorted, so this is usually a check. */
function inGameOrder(actions: NbaAction[]): NbaAction[] {
  for (let i = 1; i < actions.length; i++) {
    if (actions[i]!.orderNumber < actions[i - 1]!.orderNumber) {
      return actions.map((action, index) => ({ action, index }))
        .sort((a, b) => a.action.orderNumber - b.action.orderNumber || a.index - b.index)
        .map(({ action }) => action)
    }
  }
  return actions
}
