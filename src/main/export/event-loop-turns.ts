import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * A loop over a synchronous row iterator, or writing to a sink that never pushes back (a fast disk,
 * synchronous stdout), would hold the event loop for the whole export: no IPC, no timers, and no
 * abort. Calling the returned function per step gives the loop a turn about every `everyMs`; the
 * clock is read every `checkEvery` calls only.
 */
export function createTurnYielder(checkEvery = 1, everyMs = 20): () => Promise<void> | undefined {
  let last = performance.now()
  let calls = 0
  return () => {
    calls += 1
    if (calls % checkEvery !== 0 || performance.now() - last < everyMs) return undefined
    return nextTurn().then(() => {
      last = performance.now()
    })
  }
}
