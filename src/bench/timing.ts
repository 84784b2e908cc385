export interface LatencyStats {
  p50: number
  p99: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

/**
 * p50/p99 (ms) of `ours` and `bound` measured in alternation, iteration by iteration, in turns
 * (bound first on even iterations, ours first on odd), after `warmup` unmeasured runs of each: a GC
 * pause or a noisy moment of the machine lands on either side alike, not on a whole series.
 */
export async function measurePaired(
  iterations: number,
  ours: (i: number) => unknown,
  bound: (i: number) => unknown,
  warmup = 20,
): Promise<{ ours: LatencyStats; bound: LatencyStats }> {
  for (let i = 0; i < warmup; i++) {
    await bound(i)
    await ours(i)
  }
  const oursSamples: number[] = []
  const boundSamples: number[] = []
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      boundSamples.push(await timeOnce(() => bound(i)))
      oursSamples.push(await timeOnce(() => ours(i)))
    } else {
      oursSamples.push(await timeOnce(() => ours(i)))
      boundSamples.push(await timeOnce(() => bound(i)))
    }
  }
  return { ours: latencyStats(oursSamples), bound: latencyStats(boundSamples) }
}

function latencyStats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

export async function timeOnce(run: () => unknown): Promise<number> {
  const start = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Samples RSS while work runs, for peak-memory figures. */
export function trackPeakRss(intervalMs = 20): { stop(): number } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage().rss)
    },
  }
}
