import type { AppError } from '@shared/api/result'
import { createStore } from './external-store'

export interface ShownError extends AppError {
  id: number
  /** What the user was doing, e.g. "Loading games". */
  context: string
}

/** Every failure the user should see, until dismissed. */
export const errorStore = createStore<ShownError[]>([])
let nextId = 1

/** Shows an error banner; the same error for the same action is shown once. */
export function reportError(context: string, error: AppError): void {
  // The access-link screen says it once for every refused call (see access.ts).
  if (error.code === 'Unauthorized') return
  errorStore.set((shown) => {
    if (shown.some((e) => e.context === context && e.code === error.code && e.message === error.message)) return shown
    return [...shown, { ...error, context, id: nextId++ }]
  })
}

export function dismissError(id: number): void {
  errorStore.set((shown) => shown.filter((e) => e.id !== id))
}
