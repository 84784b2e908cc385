import { describe, expect, it } from 'vitest'
import { windowProblem } from './tmi-window'

describe('windowProblem', () => {
  it('accepts whole numbers from 1 to 50', () => {
    for (const text of ['1', '10', '50', ' 7 ']) expect(windowProblem(text)).toBeNull()
  })

  it('names the field and its 1–50 range for values outside it', () => {
    expect(windowProblem('0')).toBe('Window (possessions) must be from 1 to 50 (got 0)')
    expect(windowProblem('-3')).toBe('Window (possessions) must be from 1 to 50 (got -3)')
    expect(windowProblem('51')).toBe('Window (possessions) must be from 1 to 50 (got 51)')
    expect(windowProblem('1000000')).toBe('Window (possessions) must be from 1 to 50 (got 1000000)')
  })

  it('asks for a whole number when the box is empty or holds a fraction', () => {
    expect(windowProblem('')).toBe('Window (possessions) is required: enter a whole number from 1 to 50')
    expect(windowProblem('2.5')).toBe('Window (possessions) must be a whole number from 1 to 50 (got 2.5)')
    expect(windowProblem('1e3')).toMatch(/^Window \(possessions\) must be a whole number/)
  })
})
