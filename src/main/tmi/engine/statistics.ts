import { ratioToDouble, sqrtRatioToDouble, toCommonScale } from './exact-float'

interface Moments {
  mean: number
  /** Sample standard deviation (n − 1); NaN when not asked for or with fewer than two values. */
  stdev: number
}

const integerRootCache = new Map<string, number>()
const INTEGER_ROOT_CACHE_LIMIT = 10_000

/** sqrt(numerator / denominator) correctly rounded, memoized: count features repeat the same few ratios. */
function integerRatioRoot(numerator: number, denominator: number): number {
  const key = `${numerator}/${denominator}`
  let root = integerRootCache.get(key)
  if (root === undefined) {
    if (integerRootCache.size >= INTEGER_ROOT_CACHE_LIMIT) integerRootCache.clear()
    root = sqrtRatioToDouble(BigInt(numerator), BigInt(denominator))
    integerRootCache.set(key, root)
  }
  return root
}

/**
 * Small-integer data (the count features) fits doubles exactly: the sum and Σ(n·x − sum)² are
 * exact, so the mean needs one rounding (the division) and the stdev one (the square root of an
 * exact ratio). Returns null when a value or a total leaves the exact-integer range.
 */
function integerMoments(values: readonly number[], withStdev: boolean): Moments | null {
  let total = 0
  for (const value of values) {
    if (!Number.isSafeInteger(value) || !Number.isSafeInteger((total += value))) return null
  }
  const count = values.length
  if (!withStdev || count < 2) return { mean: total / count, stdev: Number.NaN }
  let squares = 0
  for (const value of values) {
    const deviation = count * value - total
    squares += deviation * deviation
    if (!Number.isSafeInteger(squares)) return null
  }
  return { mean: total / count, stdev: integerRatioRoot(squares, count * count * (count - 1)) }
}

/** Mean and stdev from the exact rational values, each rounded once, as Python's `statistics`. */
function exactMoments(values: readonly number[], withStdev: boolean): Moments {
  const fast = integerMoments(values, withStdev)
  if (fast !== null) return fast
  const { scaled, exponent } = toCommonScale(values)
  const count = BigInt(values.length)
  const total = scaled.reduce((sum, value) => sum + value, 0n)
  const mean = ratioToDouble(total, count, exponent)
  if (!withStdev || count < 2n) return { mean, stdev: Number.NaN }
  // Σ(x − total/n)² = Σ(n·x − total)² / n², kept in integers.
  let squares = 0n
  for (const value of scaled) {
    const deviation = count * value - total
    squares += deviation * deviation
  }
  return { mean, stdev: sqrtRatioToDouble(squares, count * count * (count - 1n), exponent) }
}

function plainMean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** Arithmetic mean rounded once from the exact sum, as Python's `statistics.mean`. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean requires at least one value')
  if (!values.every(Number.isFinite)) return plainMean(values)
  return exactMoments(values, false).mean
}

/** Sample standard deviation (n − 1), exact until one final rounding, as Python's `statistics.stdev`. */
export function sampleStdev(values: readonly number[]): number {
  if (values.length < 2) throw new RangeError('sampleStdev requires at least two values')
  if (!values.every(Number.isFinite)) return Number.NaN
  return exactMoments(values, true).stdev
}

/** (value − mean) / sample stdev; 0 with fewer than two values, no spread, or non-finite history. */
export function zScore(value: number, history: readonly number[]): number {
  if (history.length < 2 || !history.every(Number.isFinite)) return 0
  const { mean: center, stdev } = exactMoments(history, true)
  if (stdev === 0) return 0
  return (value - center) / stdev
}
