import { describe, expect, it } from 'vitest'
import { bitLength, integerSqrt, ratioToDouble, sqrtRatioToDouble, toBinaryFraction } from './exact-float'

describe('toBinaryFraction', () => {
  it('gives the exact binary value of integers, fractions and subnormals', () => {
    expect(toBinaryFraction(12)).toEqual({ mantissa: 12n, exponent: 0 })
    expect(toBinaryFraction(-0.75)).toEqual({ mantissa: -(3n << 51n), exponent: -53 })
    expect(toBinaryFraction(5e-324)).toEqual({ mantissa: 1n, exponent: -1074 })
  })
})

describe('ratioToDouble', () => {
  it('rounds to nearest with ties to even', () => {
    expect(ratioToDouble(1n, 3n)).toBe(1 / 3)
    expect(ratioToDouble(2n ** 53n + 1n, 1n)).toBe(2 ** 53)
    expect(ratioToDouble(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4)
    expect(ratioToDouble(-7n, 2n, -3)).toBe(-0.4375)
  })

  it('uses the remainder so that a value just above a tie rounds up', () => {
    expect(ratioToDouble((2n ** 53n + 1n) * 1000n + 1n, 1000n)).toBe(2 ** 53 + 2)
  })
})

describe('sqrtRatioToDouble', () => {
  it('matches the correctly rounded square root', () => {
    expect(sqrtRatioToDouble(2n, 1n)).toBe(Math.SQRT2)
    expect(sqrtRatioToDouble(1n, 2n)).toBe(Math.SQRT1_2)
    expect(sqrtRatioToDouble(9n, 4n, 10)).toBe(1536)
  })
})

describe('integerSqrt and bitLength', () => {
  it('are exact next to powers of two', () => {
    expect(integerSqrt(2n ** 120n - 1n)).toBe(2n ** 60n - 1n)
    expect(integerSqrt(2n ** 120n)).toBe(2n ** 60n)
    expect(bitLength(2n ** 60n - 1n)).toBe(60)
    expect(bitLength(2n ** 60n)).toBe(61)
    expect(bitLength(2n ** 2000n)).toBe(2001)
  })
})
