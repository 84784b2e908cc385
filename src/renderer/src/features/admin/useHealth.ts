import { useCallback, useEffect, useRef, useState } from 'react'
import type { HealthReport } from '@shared/domain/health'
import { call } from '../../lib/api'
import { useDataVersion } from '../../lib/data-version'
import { reportError } from '../../lib/error-store'

export interface Health {
  report: HealthReport | null
  checking: boolean
  /** The database changed (migrate, reset, drop, restore, import…) since the report was made. */
  stale: boolean
  check: () => Promise<void>
}

export function useHealth(): Health {
  const [report, setReport] = useState<HealthReport | null>(null)
  const [checking, setChecking] = useState(false)
  const version = useDataVersion(['database', 'migrations'])
  const [checkedVersion, setCheckedVersion] = useState(version)
  const latest = useRef(0)

  const check = useCallback(async () => {
    const request = ++latest.current
    const at = version
    setChecking(true)
    const result = await call('health:check', {})
    if (request !== latest.current) return
    setChecking(false)
    if (result.ok) {
      setReport(result.value)
      setCheckedVersion(at)
    } else reportError('Health check', result.error)
  }, [version])

  const stale = report !== null && checkedVersion !== version
  // A shown report is re-made once the database changes, so it never shows the old schema state.
  useEffect(() => {
    if (stale) void check()
  }, [stale, check])

  return { report, checking, stale, check }
}
