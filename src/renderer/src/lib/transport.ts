import type { Channel } from '@shared/api/contract'
import type { MainEventName, MainEvents } from '@shared/api/events'
import type { ErrorCode, Result } from '@shared/api/result'

export type TransportKind = 'ipc' | 'http'

/** How calls and pushes travel: the Electron preload bridge, or HTTP to `momentum serve`. */
export interface Transport {
  readonly kind: TransportKind
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>
  on<E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void): () => void
  /**
   * Calls `listener` whenever pushes may have been missed, so the page re-reads what it follows:
   * IPC loses none, so once after subscribing (the start); HTTP when the event stream says its
   * replay cannot cover the time the page was away (and at the stream's start).
   */
  onResync(listener: () => void): () => void
}

/** What the preload exposes as `window.api`, seen loosely: its answers are checked here. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(event: string, listener: (payload: never) => void): () => void
}

/** Uses the preload bridge when the page runs in the desktop app, HTTP otherwise. */
export function pickTransport(scope: { api?: PreloadBridge | undefined }, createHttp: () => Transport): Transport {
  return scope.api ? createIpcTransport(scope.api) : createHttp()
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    async invoke(channel, input) {
      try {
        return toResult(await bridge.invoke(channel, input))
      } catch (error) {
        return failure('Internal', `${channel} failed: ${messageOf(error)}`)
      }
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: never) => void)
    },
    onResync(listener) {
      let active = true
      queueMicrotask(() => {
        if (active) listener()
      })
      return () => {
        active = false
      }
    },
  }
}

/** Accepts only a well-formed Result; anything else becomes an Internal failure. */
export function toResult(value: unknown): Result<unknown> {
  return isResult(value) ? value : failure('Internal', 'the app answered with something that is not a result')
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return true
  return value.ok === false && 'error' in value && isAppError(value.error)
}

export function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function isAppError(value: unknown): value is { code: ErrorCode; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string'
}
