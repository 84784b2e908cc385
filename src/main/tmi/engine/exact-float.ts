/*
 * Exact rational arithmetic on doubles through BigInt, so that mean and stdev round like
 * Python's `statistics` module (3.11), which sums exact fractions and rounds once at the end.
 */

const scratch = new DataView(new ArrayBuffer(8))

/** The exact value of a finite double: mantissa × 2^exponent. */
export function toBinaryFraction(value: number): { mantissa: bigint; exponent: number } {
  if (Number.isSafeInteger(value)) return { mantissa: BigInt(value), exponent: 0 }
  scratch.setFloat64(0, value)
  const high = scratch.getUint32(0)
  const low = scratch.getUint32(4)
  const biasedExponent = (high >>> 20) & 0x7ff
  // Below 2^53, so the mantissa is still exact as a double before it becomes a BigInt.
  const fraction = (high & 0xfffff) * 2 ** 32 + low
  const mantissa = biasedExponent === 0 ? fraction : fraction + 2 ** 52
  const signed = BigInt(high >>> 31 === 1 ? -mantissa : mantissa)
  return { mantissa: signed, exponent: biasedExponent === 0 ? -1074 : biasedExponent - 1075 }
}

/** Finite doubles as integers over one common power of two: value[i] = scaled[i] × 2^exponent. */
export function toCommonScale(values: readonly number[]): { scaled: bigint[]; exponent: number } {
  const parts = values.map(toBinaryFraction)
  let exponent = Infinity
  for (const part of parts) if (part.mantissa !== 0n) exponent = Math.min(exponent, part.exponent)
  if (exponent === Infinity) return { scaled: parts.map(() => 0n), exponent: 0 }
  return { scaled: parts.map((part) => part.mantissa << BigInt(part.exponent - exponent)), exponent }
}

export function bitLength(value: bigint): number {
  const magnitude = value < 0n ? -value : value
  if (magnitude === 0n) return 0
  const approximate = Number(magnitude)
  if (approximate === Infinity) return magnitude.toString(2).length
  // log2 of the rounded value can be one off next to a power of two; the shifts correct it.
  let bits = Math.floor(Math.log2(approximate)) + 1
  if (magnitude >> BigInt(bits - 1) === 0n) bits -= 1
  else if (magnitude >> BigInt(bits) !== 0n) bits += 1
  return bits
}

/** floor(sqrt(value)) for value ≥ 0. */
export function integerSqrt(value: bigint): bigint {
  if (value < 2n) return value
  // Newton's method from above; a float estimate plus slack makes it converge in a few steps.
  const estimate = Math.sqrt(Number(value))
  let guess = Number.isFinite(estimate)
    ? BigInt(Math.ceil(estimate * (1 + 2 ** -40))) + 1n
    : 1n << BigInt(Math.ceil(bitLength(value) / 2))
  for (;;) {
    const next = (guess + value / guess) >> 1n
    if (next >= guess) return guess
    guess = next
  }
}

function scaleByPowerOfTwo(value: number, power: number): number {
  let result = value
  let remaining = power
  for (; remaining > 1000; remaining -= 1000) result *= 2 ** 1000
  for (; remaining < -1000; remaining += 1000) result *= 2 ** -1000
  return result * 2 ** remaining
}

/**
 * Rounds an integer with at least 55 significant bits to a double. `inexact` marks a nonzero
 * remainder below the last bit; folding it in as a sticky bit keeps the single rounding correct.
 */
function roundWithSticky(integer: bigint, inexact: boolean, power: number): number {
  return scaleByPowerOfTwo(Number(inexact ? integer | 1n : integer), power)
}

/** numerator / denominator × 2^power, correctly rounded (denominator > 0). */
export function ratioToDouble(numerator: bigint, denominator: bigint, power = 0): number {
  if (numerator === 0n) return 0
  const magnitude = numerator < 0n ? -numerator : numerator
  const shift = 55 + bitLength(denominator) - bitLength(magnitude)
  const top = shift >= 0 ? magnitude << BigInt(shift) : magnitude
  const bottom = shift >= 0 ? denominator : denominator << BigInt(-shift)
  const quotient = top / bottom
  const result = roundWithSticky(quotient, quotient * bottom !== top, power - shift)
  return numerator < 0n ? -result : result
}

/** sqrt(numerator / denominator) × 2^power, correctly rounded (numerator ≥ 0, denominator > 0). */
export function sqrtRatioToDouble(numerator: bigint, denominator: bigint, power = 0): number {
  if (numerator === 0n) return 0
  const half = Math.ceil((112 - bitLength(numerator) + bitLength(denominator)) / 2)
  const top = half >= 0 ? numerator << BigInt(2 * half) : numerator
  const bottom = half >= 0 ? denominator : denominator << BigInt(-2 * half)
  const radicand = top / bottom
  const root = integerSqrt(radicand)
  const inexact = radicand * bottom !== top || root * root !== radicand
  return roundWithSticky(root, inexact, power - half)
}
