import { FEATURE_NAMES, formatContributionsPython, parseContributions } from '../tmi/engine'

const NUMBER = '(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)'
const storedShape = (quote: string) =>
  new RegExp(`^\\{${FEATURE_NAMES.map((name) => `${quote}${name}${quote}: ${NUMBER}`).join(', ')}\\}$`)
// What json.dumps (and a Python dict repr) of the five features looks like, numbers captured.
const STORED_JSON = storedShape('"')
const STORED_REPR = storedShape("'")

/**
 * The five known contributions as number texts, in FEATURE_NAMES order, when the text has exactly
 * the stored shape; null otherwise. Copying the stored digits skips a parse and a re-format per
 * number and keeps Python's spelling (`-0.0`, `1e-05`), which spreadsheets read as numbers.
 */
export function matchStoredContributions(text: unknown): string[] | null {
  if (typeof text !== 'string') return null
  const match = STORED_JSON.exec(text) ?? STORED_REPR.exec(text)
  return match ? match.slice(1) : null
}

/**
 * Contribution values by key for any other text. Valid JSON takes the native parser; anything else
 * (Python dict repr, NaN) goes to parseContributions. Non-number values never become cells.
 */
export function readContributions(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return parseContributions(text)
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {}
}

/** A contribution cell: the number, or empty when the row lacks the key or holds a non-number. */
export function contributionCell(contributions: Record<string, unknown>, key: string): number | null {
  if (!Object.hasOwn(contributions, key)) return null
  const value = contributions[key]
  return typeof value === 'number' ? value : null
}

/**
 * The `feature_contributions` cell in json mode: stored JSON as it is; a Python dict repr (or JSON
 * with NaN) rewritten as the original's json.dumps; unreadable text as stored.
 */
export function contributionsJsonCell(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '' || STORED_JSON.test(text)) return text
  try {
    JSON.parse(text)
    return text
  } catch {
    const numbers = parseContributions(text)
    return Object.keys(numbers).length > 0 ? formatContributionsPython(numbers) : text
  }
}
