import { describe, expect, it } from 'vitest'
import { nearestPlayIndex, pickedPlayIndex } from './nearest-play'

describe('nearestPlayIndex', () => {
  const elapsed = [0, 10, null, 30, 30, 95]

  it('returns the play nearest in game time', () => {
    expect(nearestPlayIndex(elapsed, 12)).toBe(1)
    expect(nearestPlayIndex(elapsed, 80)).toBe(5)
    expect(nearestPlayIndex(elapsed, 500)).toBe(5)
  })

  it('returns the first of equally near plays and skips plays without a time', () => {
    expect(nearestPlayIndex(elapsed, 30)).toBe(3)
    expect(nearestPlayIndex(elapsed, 20)).toBe(1)
  })

  it('prefers the exact play when it is listed', () => {
    expect(nearestPlayIndex(elapsed, 30, ['a', 'b', 'c', 'd', 'e', 'f'], 'e')).toBe(4)
    expect(nearestPlayIndex(elapsed, 30, ['a', 'b', 'c', 'd', 'e', 'f'], 'zz')).toBe(3)
  })

  it('returns -1 when no play has a time', () => {
    expect(nearestPlayIndex([null, null], 3)).toBe(-1)
    expect(nearestPlayIndex([], 3)).toBe(-1)
  })
})

describe('pickedPlayIndex', () => {
  const elapsed = [0, 10, null, 30, 30]
  const ids = ['a', 'b', 'c', 'd', 'e']

  it('lands on the exact play when it is listed, even before the last page', () => {
    expect(pickedPlayIndex(elapsed, 30, ids, 'e', false)).toBe(4)
  })

  it('waits while the play may be in a page not loaded yet', () => {
    expect(pickedPlayIndex(elapsed, 95, ids, null, false)).toBeNull()
    expect(pickedPlayIndex(elapsed, 30, ids, 'later', false)).toBeNull()
    expect(pickedPlayIndex([], 5, [], null, false)).toBeNull()
  })

  it('takes the nearest play once a later play is listed or every page has arrived', () => {
    expect(pickedPlayIndex(elapsed, 12, ids, null, false)).toBe(1)
    expect(pickedPlayIndex(elapsed, 12, ids, 'filtered-out', false)).toBe(1)
    expect(pickedPlayIndex(elapsed, 95, ids, null, true)).toBe(3)
    expect(pickedPlayIndex([null], 5, ['a'], null, true)).toBe(-1)
  })
})
