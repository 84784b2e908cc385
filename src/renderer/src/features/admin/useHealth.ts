import { useState } from 'react'
import type { HealthReport } from '@shared/domain/health'
import { call } from '../../lib/api'
import { reportError } from '../../lib/error-store'

export function useHealth(): { report: HealthReport | null; checking: boolean; check: () => Promise<void> } {
  const [report, setReport] = useState<HealthReport | null>(null)
  const [checking, setChecking] = useState(false)
  return {
    report,
    checking,
    async check() {
      setChecking(true)
      const result = await call('health:check', {})
      setChecking(false)
      if (result.ok) setReport(result.value)
      else reportError('Health check', result.error)
    },
  }
}
