export interface LatencyStats {
  p50: number
  p99: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

/** Runs `run` `iterations` times after `warmup` unmeasured runs; returns p50/p99 in ms. */
export async function measureLatency(iterations: number, run: (i: number) => unknown, warmup = 20): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await run(i)
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    await run(i)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) }
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
