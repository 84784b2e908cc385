import { InvalidArgumentError } from 'commander'

/** commander argParser for `--window N`, `--games N` and the like (whole numbers ≥ 1). */
export function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a whole number ≥ 1')
  return Number(value)
}

/** commander argParser for `--seed S`: any safe integer, negative included. */
export function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('expected a whole number')
  return Number(value)
}
