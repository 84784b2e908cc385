import type { ApiInput, ApiOutput, Channel } from '../shared/api/contract'
import type { MainEventName, MainEvents } from '../shared/api/events'
import type { Result } from '../shared/api/result'

/** Everything the page gets from the preload, as `window.api`. */
export interface PreloadApi {
  /** One contract call; a channel outside the contract is rejected without reaching main. */
  invoke<C extends Channel>(channel: C, input: ApiInput<C>): Promise<Result<ApiOutput<C>>>
  /** Subscribes to a main → page push; returns the unsubscribe function. */
  on<E extends MainEventName>(event: E, callback: (payload: MainEvents[E]) => void): () => void
}
