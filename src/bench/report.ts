export interface BenchResult {
  workload: string
  dialect: 'sqlite' | 'postgres'
  /** For latencies: `p50`/`p99`; for throughputs: absent. */
  statistic?: string
  ours: number
  bound: number
  unit: string
  /** Ours relative to the bound, 1.0 = equal, higher = better (bound/ours for times). */
  ratio: number
  target?: string
  peakRssMb?: number
}

export function throughputResult(workload: string, dialect: BenchResult['dialect'], ours: number, bound: number, unit: string, target?: string): BenchResult {
  return { workload, dialect, ours, bound, unit, ratio: ours / bound, ...(target ? { target } : {}) }
}

export function latencyResult(workload: string, dialect: BenchResult['dialect'], statistic: string, ours: number, bound: number, target?: string): BenchResult {
  return { workload, dialect, statistic, ours, bound, unit: 'ms', ratio: bound / ours, ...(target ? { target } : {}) }
}

export function printTable(results: readonly BenchResult[]): void {
  const rows = results.map((r) => [
    r.workload + (r.statistic ? ` ${r.statistic}` : ''),
    r.dialect,
    format(r.ours),
    format(r.bound),
    r.unit,
    r.ratio.toFixed(2),
    r.target ?? '',
    r.peakRssMb === undefined ? '' : `${r.peakRssMb.toFixed(0)} MB`,
  ])
  const header = ['workload', 'dialect', 'ours', 'raw bound', 'unit', 'ratio', 'target', 'peak RSS']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}

function format(value: number): string {
  return value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(3)
}
