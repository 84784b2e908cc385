export const WINDOW_MIN = 1
export const WINDOW_MAX = 50
export const WINDOW_FIELD = 'Window (possessions)'

/** Why the window box's text is not a usable window size, as one line naming the field; null when it is. */
export function windowProblem(text: string): string | null {
  const trimmed = text.trim()
  const range = `a whole number from ${WINDOW_MIN} to ${WINDOW_MAX}`
  if (trimmed === '') return `${WINDOW_FIELD} is required: enter ${range}`
  if (!/^[+-]?\d+$/.test(trimmed)) return `${WINDOW_FIELD} must be ${range} (got ${trimmed})`
  const value = Number(trimmed)
  if (value < WINDOW_MIN || value > WINDOW_MAX) return `${WINDOW_FIELD} must be from ${WINDOW_MIN} to ${WINDOW_MAX} (got ${value})`
  return null
}
