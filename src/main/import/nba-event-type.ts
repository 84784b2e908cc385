/** The original app's event_type vocabulary (PlayByPlayV2 EVENTMSGTYPE names) plus a few liveData kinds. */
export type EventType =
  | 'shot'
  | 'free_throw'
  | 'rebound'
  | 'turnover'
  | 'foul'
  | 'violation'
  | 'substitution'
  | 'timeout'
  | 'jump_ball'
  | 'ejection'
  | 'period_start'
  | 'period_end'
  | 'game_end'
  | 'block'
  | 'steal'
  | 'stoppage'
  | 'other'

const BY_ACTION_TYPE: Record<string, EventType> = {
  '2pt': 'shot',
  '3pt': 'shot',
  freethrow: 'free_throw',
  rebound: 'rebound',
  turnover: 'turnover',
  foul: 'foul',
  violation: 'violation',
  substitution: 'substitution',
  timeout: 'timeout',
  jumpball: 'jump_ball',
  ejection: 'ejection',
  block: 'block',
  steal: 'steal',
  stoppage: 'stoppage',
}

/** Maps liveData actionType/subType to event_type; unknown kinds become `other`. */
export function toEventType(actionType: string, subType: string | null): EventType {
  const type = actionType.toLowerCase()
  const sub = (subType ?? '').toLowerCase()
  if (type === 'period') return sub === 'start' ? 'period_start' : sub === 'end' ? 'period_end' : 'other'
  if (type === 'game') return sub === 'end' ? 'game_end' : 'other'
  return Object.hasOwn(BY_ACTION_TYPE, type) ? BY_ACTION_TYPE[type]! : 'other'
}

/** Marker that makes a three-point attempt recognisable in the stored description. */
export const THREE_POINT_MARKER = '3PT'

/** The description to store: a 3pt attempt always carries `3PT` (the feed's own wording does). */
export function toStoredDescription(actionType: string, description: string | null): string | null {
  if (actionType.toLowerCase() !== '3pt' || (description !== null && description.includes(THREE_POINT_MARKER))) return description
  return description === null || description === '' ? THREE_POINT_MARKER : `${THREE_POINT_MARKER} ${description}`
}
