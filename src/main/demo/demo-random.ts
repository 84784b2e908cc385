/** A seeded source of pseudo-random numbers: the same seed gives the same sequence everywhere. */
export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number
  chance(probability: number): boolean
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** An index into `weights`, each chosen in proportion to its weight. */
  weighted(weights: readonly number[]): number
}

/** mulberry32: tiny and fast, and its 32-bit state is all a game needs. */
export function createRandom(seed: number): DemoRandom {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    chance: (probability) => next() < probability,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: (weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0)
      let target = next() * total
      for (let index = 0; index < weights.length; index++) {
        target -= weights[index]!
        if (target < 0) return index
      }
      return weights.length - 1
    },
  }
}

function avalanche(value: number): number {
  let h = value
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

/** An independent stream per (seed, key), so one game's data never depends on how many were generated. */
export function streamSeed(seed: number, key: number): number {
  const low = seed >>> 0
  const high = Math.floor(seed / 4294967296) >>> 0
  return avalanche(avalanche(low ^ 0x9e3779b9) ^ avalanche(high + 0x85ebca6b) ^ Math.imul(key + 1, 0xc2b2ae35))
}
