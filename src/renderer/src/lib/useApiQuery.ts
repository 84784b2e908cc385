import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiInput, ApiOutput, Channel } from '@shared/api/contract'
import type { AppError, ErrorCode } from '@shared/api/result'
import { call } from './api'
import { useDataVersion, type DataDomain } from './data-version'
import { reportError } from './error-store'

export interface Query<T> {
  data: T | undefined
  error: AppError | null
  loading: boolean
  reload: () => void
}

export interface QueryOptions {
  /** Refetch when these change (a finished job, another database). */
  domains: readonly DataDomain[]
  /** Shown on the error banner: what was being loaded. */
  context: string
  /** Keep showing the last answer while a new one loads (paging); default true. */
  keepPrevious?: boolean
  /** Failures the page shows itself (kept in `error`, no banner). */
  quietCodes?: readonly ErrorCode[] | undefined
}

/** Loads one call's answer and keeps it fresh; `input: null` means "not now". */
export function useApiQuery<C extends Channel>(channel: C, input: ApiInput<C> | null, options: QueryOptions): Query<ApiOutput<C>> {
  const key = input === null ? null : JSON.stringify(input)
  const version = useDataVersion(options.domains)
  const [reloads, setReloads] = useState(0)
  const [state, setState] = useState<{ data: ApiOutput<C> | undefined; error: AppError | null; loading: boolean }>({ data: undefined, error: null, loading: input !== null })
  const latest = useRef(0)
  const { context, keepPrevious = true, quietCodes } = options

  useEffect(() => {
    if (key === null) return
    const request = ++latest.current
    setState((previous) => ({ data: keepPrevious ? previous.data : undefined, error: null, loading: true }))
    void call(channel, JSON.parse(key) as ApiInput<C>).then((result) => {
      if (request !== latest.current) return
      if (result.ok) {
        setState({ data: result.value, error: null, loading: false })
      } else {
        if (!quietCodes?.includes(result.error.code)) reportError(context, result.error)
        setState((previous) => ({ data: previous.data, error: result.error, loading: false }))
      }
    })
  }, [channel, key, version, reloads, context, keepPrevious, quietCodes])

  const reload = useCallback(() => setReloads((n) => n + 1), [])
  return { ...state, loading: key !== null && state.loading, reload }
}
