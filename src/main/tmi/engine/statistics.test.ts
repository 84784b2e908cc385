import { describe, expect, it } from 'vitest'
import { mean, sampleStdev, zScore } from './statistics'

describe('mean', () => {
  it('rounds once from the exact sum, as Python does', () => {
    expect(mean([0.1, 0.2, 0.3])).toBe(0.2)
    expect((0.1 + 0.2 + 0.3) / 3).toBe(0.20000000000000004)
  })

  it('does not overflow where the float sum would', () => {
    expect(mean([1e308, 1e308, -1e308])).toBe(3.333333333333333e307)
  })

  it('matches Python for the vector B fg% history', () => {
    expect(mean([0.5, 1, 0, 1, 1, 0, 1])).toBe(0.6428571428571429)
  })

  it('rejects an empty list', () => {
    expect(() => mean([])).toThrow(RangeError)
  })
})

describe('sampleStdev', () => {
  it('uses n − 1 and matches Python bit for bit', () => {
    expect(sampleStdev([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2.138089935299395)
    expect(sampleStdev([0.5, 1, 0, 1, 1, 0, 1])).toBe(0.47559486560567094)
    expect(sampleStdev([0.1, 0.2, 0.3])).toBe(0.09999999999999999)
    expect(sampleStdev([1, 1e-300])).toBe(0.7071067811865476)
  })

  it('is exactly 0 for identical values', () => {
    expect(sampleStdev([0.1, 0.1, 0.1])).toBe(0)
  })
})

describe('zScore', () => {
  it('is 0 with fewer than two history values', () => {
    expect(zScore(5, [])).toBe(0)
    expect(zScore(5, [1])).toBe(0)
  })

  it('is 0 when the history has no spread', () => {
    expect(zScore(5, [2, 2, 2])).toBe(0)
  })

  it('divides the distance from the mean by the sample stdev', () => {
    // history [1, 2, 3]: mean 2, sample sd 1
    expect(zScore(3.5, [1, 2, 3])).toBe(1.5)
  })
})
